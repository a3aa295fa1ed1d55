package dev.packs.probe.internal.stlink;

import dev.packs.target.Target;
import dev.packs.target.contract.TargetContractTest;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * The Target contract through the whole ST-Link stack: host protocol, USB framing, and the virtual
 * NUCLEO-G431KB STLINK-V3E decoding every command block over an emulated STM32G431KB.
 */
class VirtualStLinkContractTest extends TargetContractTest {
  private StLinkTarget opened;

  @Override
  protected Target newTarget() {
    opened = new VirtualStLink(VirtualG431.build(), VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE,
        Optional.empty()).attach();
    return opened;
  }

  @Override
  protected long scratchRam() {
    return 0x2000_0800L;
  }

  /** The STM32G431 has no FMC: nothing answers at 0x60000000. */
  @Override
  protected long unmappedAddress() {
    return 0x6000_0000L;
  }

  @AfterEach
  void close() {
    opened.close();
  }
}
