package dev.packs.probe.internal.stlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.packs.emulator.Core;
import dev.packs.emulator.Emulator;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.RamRegion;
import dev.packs.probe.EmulatedDeviceFactory;
import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeListener;
import dev.packs.probe.ProbeTarget;
import dev.packs.probe.Probes;
import dev.packs.probe.UsbCounters;
import dev.packs.target.CoreRegister;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The ST-Link family behind the shared probe API: how it lists, and its virtual probe over the caller's device. */
class StLinkDriverTest {
  private static final ProbeListener QUIET = new ProbeListener() {};

  /** A device factory that records its calls and builds {@code device}. */
  private static final class Recording implements EmulatedDeviceFactory {
    final List<String> calls = new ArrayList<>();
    final Emulator device;

    Recording(Emulator device) {
      this.device = device;
    }

    @Override
    public Emulator create(Optional<Path> file) {
      calls.add("create " + file.map(Path::toString).orElse("-"));
      return device;
    }

    @Override
    public void close(Emulator emulator, Optional<Path> file) {
      calls.add("close " + file.map(Path::toString).orElse("-") + (emulator == device ? " same device" : ""));
    }
  }

  @Test
  void describesEachListedStLinkAsTheSharedApiDoes() throws Exception {
    // The recorded Nucleo V3E and an old V2, answered by virtual probes behind their endpoints.
    List<StLinkInfo> found = StLinkProbes.list(new RecordedUsb()
        .add("nucleo-g431kb-stlink-v3e.usb", Optional.of(new VirtualStLink(VirtualG431.build(),
            VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE, Optional.empty())), Optional.empty())
        .add("stlink-v2-binary-serial.usb", Optional.of(new VirtualStLink(VirtualG431.build(),
            new VirtualFirmware(2, 37, 7, 0, 0, 0x3748), StLinkMode.MASS_STORAGE, Optional.empty())),
            Optional.empty()));
    ProbeInfo nucleo = StLinkDriver.info(found.get(0));
    assertThat(nucleo).usingRecursiveComparison().ignoringFields("targetVoltage").isEqualTo(new ProbeInfo(
        "stlink", "STMicroelectronics", "STLINK-V3", "004800283132510A33353532", "V3J2M1", "V3", 0x0483, 0x374E,
        OptionalDouble.empty()));
    assertThat(nucleo.targetVoltage()).hasValueCloseTo(3.30, within(0.01));
    assertThat(nucleo.spec()).isEqualTo("stlink:004800283132510A33353532");
    ProbeInfo v2 = StLinkDriver.info(found.get(1));
    assertThat(v2.protocol()).isEqualTo("V2");
    assertThat(v2.version()).isEqualTo("V2J37S7");
    assertThat(v2.productId()).isEqualTo(0x3748);
  }

  @Test
  void theVirtualStLinkRunsOnTheCallersDeviceAndHandsItBackOnClose() {
    // What `--probe virtual-stlink:FILE` does: the caller builds the device from its target and saves it.
    Recording devices = new Recording(VirtualG431.build());
    UsbCounters counters;
    try (ProbeTarget target = Probes.create(QUIET).open("virtual-stlink:g4.bin", devices)) {
      assertThat(target.info().spec()).isEqualTo("virtual-stlink");
      assertThat(target.info().version()).isEqualTo("V3J2M1");
      assertThat(target.info().protocol()).isEqualTo("virtual");
      assertThat(target.info().targetVoltage()).hasValueCloseTo(3.30, within(0.01));
      target.writeWord(0x2000_0000L, 0xC0FF_EE00);
      counters = target.counters();
      assertThat(devices.calls).containsExactly("create g4.bin");
    }
    assertThat(devices.calls).containsExactly("create g4.bin", "close g4.bin same device");
    assertThat(devices.device.readWord(0x2000_0000L)).isEqualTo(0xC0FF_EE00);
    assertThat(counters.packetSize()).isEqualTo(6144);
    assertThat(counters.packetsOut()).isGreaterThanOrEqualTo(counters.packetsIn());
    assertThat(counters.packetsIn()).isPositive();
    assertThat(counters.waits()).isEqualTo(counters.packetsIn());
  }

  @Test
  void aDeviceWithItsVectorsAtZeroResetsFromThereAndAnStm32FromItsBootAlias() {
    // A chip with flash at 0 (as an nRF52) and the G431, whose flash at 0x08000000 is aliased at 0 on boot.
    Emulator atZero = Emulator.builder().core(Core.CORTEX_M4).ram(new RamRegion(0x2000_0000L, 0x1000))
        .flash(FlashRegion.uniform(0, 0x1000, 0xFF, 0x1000)).build();
    atZero.loadFlash(0, vectors(0x2000_1000, 0x0000_0101));
    Emulator g431 = VirtualG431.build();
    g431.loadFlash(0x0800_0000L, vectors(0x2000_8000, 0x0800_0201));
    try (ProbeTarget a = Probes.create(QUIET).open("virtual-stlink", new Recording(atZero));
        ProbeTarget b = Probes.create(QUIET).open("virtual-stlink", new Recording(g431))) {
      a.resetAndHalt();
      b.resetAndHalt();
      assertThat(a.readRegister(CoreRegister.PC)).isEqualTo(0x100);
      assertThat(a.readRegister(CoreRegister.SP)).isEqualTo(0x2000_1000);
      assertThat(b.readRegister(CoreRegister.PC)).isEqualTo(0x0800_0200);
      assertThat(b.readRegister(CoreRegister.SP)).isEqualTo(0x2000_8000);
    }
  }

  private static byte[] vectors(int sp, int reset) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(sp).putInt(reset).array();
  }
}
