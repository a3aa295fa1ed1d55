package dev.packs.probe.internal.stlink;

import dev.packs.probe.internal.dap.AlgorithmCalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.probe.ProbeException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The virtual probe holds the host to the hardware's rules, and the host keeps them: modes, INIT_AP,
 * the firmware's transfer limits, the 1-byte read quirk, the TAR wrap, V2 and V3 clocks.
 */
class VirtualStLinkTest {
  private static final long RAM = 0x2000_0000L;

  private static VirtualStLink probe(VirtualFirmware firmware, StLinkMode mode) {
    return new VirtualStLink(VirtualG431.build(), firmware, mode, Optional.empty());
  }

  /** A raw USB link to the probe, for sending what the host never would. */
  private static StLinkUsb raw(VirtualStLink probe) {
    return new StLinkUsb(probe, StLinkModel.V3, "virtual-stlink", () -> { });
  }

  private static int lastStatus(StLinkUsb usb) {
    return usb.exchange(StLinkCommands.lastRwStatus2())[0] & 0xFF;
  }

  @Test
  void leavesDfuModeBeforeDebugging() {
    // The virtual probe refuses debug commands in DFU mode, as the attach would otherwise show.
    VirtualStLink dfu = probe(VirtualFirmware.NUCLEO_G431KB, StLinkMode.DFU);
    assertThatThrownBy(() -> raw(dfu).exchange(StLinkCommands.enterSwd()))
        .isInstanceOf(ProbeException.Usb.class).hasMessageContaining("DFU mode");
    try (StLinkTarget target = probe(VirtualFirmware.NUCLEO_G431KB, StLinkMode.DFU).attach()) {
      assertThat(target.dpidr()).isEqualTo(VirtualAccessPort.DPIDR);
    }
  }

  @Test
  void leavesDebugModeAnEarlierSessionLeftOn() {
    // V3J2 cannot re-enter SWD without DEBUG_EXIT first.
    VirtualStLink debug = probe(VirtualFirmware.NUCLEO_G431KB, StLinkMode.DEBUG);
    StLinkUsb usb = raw(debug);
    assertThat(usb.exchange(StLinkCommands.enterSwd())[0] & 0xFF).isEqualTo(0x81);
    try (StLinkTarget target = probe(VirtualFirmware.NUCLEO_G431KB, StLinkMode.DEBUG).attach()) {
      target.writeWord(RAM, 42);
      assertThat(target.readWord(RAM)).isEqualTo(42);
    }
  }

  @Test
  void refusesDebugCommandsBeforeDebugEnter() {
    StLinkUsb usb = raw(probe(VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE));
    assertThatThrownBy(() -> usb.exchange(StLinkCommands.readMem32(RAM, 4)))
        .isInstanceOf(ProbeException.Usb.class).hasMessageContaining("READMEM_32")
        .hasMessageContaining("outside debug mode");
  }

  @Test
  void refusesMemoryAccessBeforeInitAp() {
    StLinkUsb usb = raw(probe(VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE));
    usb.exchange(StLinkCommands.enterSwd());
    usb.exchange(StLinkCommands.readMem32(RAM, 4));
    assertThat(lastStatus(usb)).isEqualTo(StLinkStatus.BAD_AP.code());
    usb.exchange(StLinkCommands.initAp(0));
    usb.exchange(StLinkCommands.readMem32(RAM, 4));
    assertThat(lastStatus(usb)).isEqualTo(StLinkStatus.OK.code());
  }

  @Test
  void stallsByteTransfersBeyondTheFirmwareLimit() {
    // V3J2 carries 64 bytes per 8-bit command; from J6 a V3 carries 512.
    StLinkUsb j2 = attached(VirtualFirmware.NUCLEO_G431KB);
    assertThatThrownBy(() -> j2.exchange(StLinkCommands.readMem8(RAM, 65)))
        .isInstanceOf(ProbeException.Usb.class).hasMessageContaining("READMEM_8")
        .hasMessageContaining("64-byte limit of V3J2M1");
    StLinkUsb j7 = attached(new VirtualFirmware(3, 7, 0, 3, 0, 0x374E));
    assertThat(j7.exchange(StLinkCommands.readMem8(RAM, 512))).hasSize(512);
  }

  @Test
  void stallsWordTransfersBeyondSixKilobytesAndEmptyOnes() {
    StLinkUsb usb = attached(VirtualFirmware.NUCLEO_G431KB);
    assertThatThrownBy(() -> usb.exchange(StLinkCommands.writeMem32(RAM, new byte[6148])))
        .isInstanceOf(ProbeException.Usb.class).hasMessageContaining("6144-byte limit");
    assertThatThrownBy(() -> usb.exchange(StLinkCommands.readMem32(RAM, 0)))
        .isInstanceOf(ProbeException.Usb.class).hasMessageContaining("empty data phase");
  }

  @Test
  void answersAOneByteReadWithTwoBytes() {
    StLinkUsb usb = attached(VirtualFirmware.NUCLEO_G431KB);
    usb.exchange(StLinkCommands.writeMem8(RAM + 5, new byte[] {0x3C}));
    byte[] answer = usb.exchange(StLinkCommands.readMem8(RAM + 5, 1));
    assertThat(answer).hasSize(2);
    assertThat(answer[0]).isEqualTo((byte) 0x3C);
  }

  @Test
  void refusesUnalignedWordCommands() {
    StLinkUsb usb = attached(VirtualFirmware.NUCLEO_G431KB);
    usb.exchange(StLinkCommands.readMem32(RAM + 2, 4));
    assertThat(lastStatus(usb)).isEqualTo(StLinkStatus.ALIGNMENT.code());
  }

  @Test
  void wrapsABurstAtTheFourKilobyteWindowAndTheHostSplitsThere() {
    VirtualStLink probe = probe(VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE);
    probe.emulator().write(RAM, new byte[] {1, 2, 3, 4});
    probe.emulator().write(RAM + 0x1000, new byte[] {5, 6, 7, 8});
    StLinkUsb usb = attached(probe);
    byte[] burst = usb.exchange(StLinkCommands.readMem32(RAM + 0xFFC, 8));
    assertThat(burst).endsWith(1, 2, 3, 4); // TAR wrapped back to 0x20000000
    try (StLinkTarget target = probe(VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE).attach()) {
      byte[] data = AlgorithmCalls.pattern(RAM + 0xFFD, 0x2403);
      target.write(RAM + 0xFFD, data);
      assertThat(target.read(RAM + 0xFFD, data.length)).isEqualTo(data);
    }
  }

  @Test
  void drivesAV2WithItsDivisorClock() {
    // V2J37S7 on 0483:3748: SWD_SET_FREQ by divisor, 8-bit transfers of 64 bytes, INIT_AP from J28.
    try (StLinkTarget target = probe(new VirtualFirmware(2, 37, 7, 0, 0, 0x3748), StLinkMode.MASS_STORAGE).attach()) {
      assertThat(target.version()).hasToString("V2J37S7");
      assertThat(target.swdKiloHertz()).isEqualTo(4_000);
      byte[] data = AlgorithmCalls.pattern(RAM + 3, 301);
      target.write(RAM + 3, data);
      assertThat(target.read(RAM + 3, data.length)).isEqualTo(data);
    }
  }

  /** A raw link in SWD debug mode with the AP open, as after the host's attach sequence. */
  private static StLinkUsb attached(VirtualFirmware firmware) {
    return attached(probe(firmware, StLinkMode.MASS_STORAGE));
  }

  private static StLinkUsb attached(VirtualStLink probe) {
    StLinkUsb usb = raw(probe);
    usb.exchange(StLinkCommands.enterSwd());
    usb.exchange(StLinkCommands.initAp(0));
    return usb;
  }
}
