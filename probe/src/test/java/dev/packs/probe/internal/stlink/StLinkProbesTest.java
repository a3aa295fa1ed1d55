package dev.packs.probe.internal.stlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.packs.probe.ProbeException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Discovery against recorded USB descriptors at the usb4java boundary, with the virtual probe
 * answering behind the recorded endpoints: which devices are ST-Links, their serial numbers (the
 * binary ones of old V2 firmware as hex), their firmware and target voltage, and choosing one.
 */
class StLinkProbesTest {
  private static final String NUCLEO = "nucleo-g431kb-stlink-v3e.usb";
  private static final String NUCLEO_SERIAL = "004800283132510A33353532";
  private static final String V2 = "stlink-v2-binary-serial.usb";
  private static final String V2_SERIAL = "55FF6B064975495653291187";

  private static Optional<VirtualStLink> virtual(VirtualFirmware firmware) {
    return Optional.of(new VirtualStLink(VirtualG431.build(), firmware, StLinkMode.MASS_STORAGE, Optional.empty()));
  }

  private static RecordedUsb bench() {
    // A J-Link and an STM32 in DFU share the bus with two ST-Links; only the ST-Links count.
    return new RecordedUsb()
        .add("segger-jlink.usb")
        .add(NUCLEO, virtual(VirtualFirmware.NUCLEO_G431KB), Optional.empty())
        .add("stm32-dfu-bootloader.usb")
        .add(V2, virtual(new VirtualFirmware(2, 37, 7, 0, 0, 0x3748)), Optional.empty());
  }

  @Test
  void listsTheStLinksWithFirmwareAndTargetVoltage() throws Exception {
    List<StLinkInfo> found = StLinkProbes.list(bench());
    assertThat(found).extracting(StLinkInfo::usbId).containsExactly("0483:374E", "0483:3748");
    StLinkInfo nucleo = found.get(0);
    assertThat(nucleo.serial()).hasValue(NUCLEO_SERIAL);
    assertThat(nucleo.product()).isEqualTo("STLINK-V3");
    assertThat(nucleo.location()).isEqualTo("bus 1 address 3");
    assertThat(nucleo.firmware()).hasValueSatisfying(v -> assertThat(v).hasToString("V3J2M1"));
    assertThat(nucleo.targetVolts()).hasValueCloseTo(3.30, within(0.01));
    assertThat(nucleo.problem()).isEmpty();
  }

  @Test
  void showsTheBinarySerialOfOldV2FirmwareAsHex() throws Exception {
    StLinkInfo v2 = StLinkProbes.list(bench()).get(1);
    assertThat(v2.serial()).hasValue(V2_SERIAL);
    assertThat(v2.product()).isEqualTo("ST-LINK/V2");
    assertThat(v2.firmware()).hasValueSatisfying(v -> assertThat(v).hasToString("V2J37S7"));
  }

  @Test
  void listsAProbeInUseWithoutItsFirmwareSayingWhy() throws Exception {
    RecordedUsb usb = new RecordedUsb().add(NUCLEO, Optional.empty(),
        Optional.of("interface 0 is in use by another program"));
    StLinkInfo busy = StLinkProbes.list(usb).get(0);
    assertThat(busy.serial()).hasValue(NUCLEO_SERIAL);
    assertThat(busy.firmware()).isEmpty();
    assertThat(busy.problem()).hasValueSatisfying(p -> assertThat(p).contains("in use"));
  }

  @Test
  void opensTheOnlyStLinkWithoutASerialNumber() {
    RecordedUsb usb = new RecordedUsb().add("segger-jlink.usb")
        .add(NUCLEO, virtual(VirtualFirmware.NUCLEO_G431KB), Optional.empty());
    try (StLinkTarget target = StLinkProbes.open(usb, null, StLinkProbes.DEFAULT_KILOHERTZ)) {
      assertThat(target.version()).hasToString("V3J2M1");
      target.writeWord(0x2000_0000L, 0x600D_CAFE);
      assertThat(target.readWord(0x2000_0000L)).isEqualTo(0x600D_CAFE);
    }
    assertThat(usb.closed).as("closing the target releases the bus").isTrue();
  }

  @Test
  void opensOneOfSeveralByAUniqueSerialPrefixInAnyCase() {
    try (StLinkTarget target = StLinkProbes.open(bench(), "55ff6b", 4000)) {
      assertThat(target.version()).hasToString("V2J37S7");
    }
  }

  @Test
  void refusesToGuessBetweenTwoStLinks() {
    assertThatThrownBy(() -> StLinkProbes.open(bench(), null, 4000))
        .isInstanceOf(ProbeException.NotFound.class)
        .hasMessageContaining("2 ST-Links are attached")
        .hasMessageContaining(NUCLEO_SERIAL).hasMessageContaining(V2_SERIAL);
  }

  @Test
  void namesTheAttachedSerialsWhenNoneMatches() {
    assertThatThrownBy(() -> StLinkProbes.open(bench(), "0066", 4000))
        .isInstanceOf(ProbeException.NotFound.class)
        .hasMessageContaining("no ST-Link has serial number 0066")
        .hasMessageContaining(NUCLEO_SERIAL);
  }

  @Test
  void saysNoStLinkIsAttachedWhenThereIsNone() throws Exception {
    RecordedUsb usb = new RecordedUsb().add("segger-jlink.usb").add("stm32-dfu-bootloader.usb");
    assertThatThrownBy(() -> StLinkProbes.open(usb, null, 4000))
        .isInstanceOf(ProbeException.NotFound.class).hasMessage("no ST-Link is attached");
    assertThat(StLinkProbes.list(new RecordedUsb())).isEmpty();
  }

  @Test
  void opensABusyProbeWithTheReasonItFailed() {
    RecordedUsb usb = new RecordedUsb().add(NUCLEO, Optional.empty(),
        Optional.of("interface 0 is in use by another program"));
    assertThatThrownBy(() -> StLinkProbes.open(usb, NUCLEO_SERIAL, 4000))
        .isInstanceOf(ProbeException.Usb.class)
        .hasMessageContaining("STLINK-V3 " + NUCLEO_SERIAL).hasMessageContaining("in use");
  }
}
