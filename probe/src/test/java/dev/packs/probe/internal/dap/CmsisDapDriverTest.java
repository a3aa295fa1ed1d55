package dev.packs.probe.internal.dap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeListener;
import dev.packs.probe.ProbeTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CMSIS-DAP driver above a faked usb4java/hidapi boundary: recorded descriptors, and pipes
 * that lead to virtual probes, so listing and opening run the real transports and protocol.
 */
class CmsisDapDriverTest {
  private final List<String> warnings = new ArrayList<>();
  private final ProbeListener listener = new ProbeListener() {
    @Override
    public void warning(String message) {
      warnings.add(message);
    }
  };

  private final FakeBuses.Usb usb = new FakeBuses.Usb(List.of(RecordedProbes.PI_DEBUG_PROBE, RecordedProbes.FTDI));
  private final FakeBuses.Hid hid = new FakeBuses.Hid(List.of(RecordedProbes.LPC_LINK2_DAP, RecordedProbes.KEYBOARD));
  private final CmsisDapDriver driver = new CmsisDapDriver(usb, hid);

  @Test
  void listsEachProbeWithTheProtocolVersionItReports() {
    List<ProbeInfo> probes = driver.list(listener);
    assertThat(probes).extracting(ProbeInfo::spec, ProbeInfo::protocol, ProbeInfo::version)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cmsis-dap:E6614103E7452D2F", "v2", "2.1.1"),
            org.assertj.core.groups.Tuple.tuple("cmsis-dap:JSAQCQIQ", "v1", "2.1.1"));
    assertThat(probes.get(0).vendorId()).isEqualTo(0x2E8A);
    assertThat(warnings).isEmpty();
  }

  @Test
  void opensAV2ProbeAndReachesTheCore() {
    ProbeInfo pi = driver.list(listener).get(0);
    try (ProbeTarget target = driver.open(pi, listener)) {
      assertThat(target.readWord(0xE000_ED00L)).isEqualTo(0x410F_C241);
      assertThat(target.info().product()).isEqualTo("Debug Probe (CMSIS-DAP)");
      assertThat(target.counters().packetSize()).isEqualTo(512);
    }
  }

  @Test
  void dropsAnswersAnEarlierSessionLeftUnread() {
    // A crashed session left a DAP_Info answer in the probe; read first, it would answer our own.
    usb.staleAnswer = true;
    ProbeInfo pi = driver.attached(listener).get(0);
    try (ProbeTarget target = driver.open(pi, listener)) {
      assertThat(target.readWord(0xE000_ED00L)).isEqualTo(0x410F_C241);
    }
  }

  @Test
  void endsBulkWritesThatFillWholeUsbPacketsWithAZeroLengthPacket() {
    // The Pi probe is full speed (64-byte endpoint) but agrees on 512-byte DAP packets: a 64-byte
    // write must be followed by a ZLP, or the probe would wait for more.
    ProbeInfo pi = driver.list(listener).get(0);
    try (ProbeTarget target = driver.open(pi, listener)) {
      usb.writes.clear();
      for (int n = 4; n <= 256; n += 4) {
        target.write(0x2000_0000L, new byte[n]); // packets of every length around 64 and 128
        target.readWord(0x2000_0000L);
      }
    }
    for (int i = 0; i < usb.writes.size(); i++) {
      int length = usb.writes.get(i);
      if (length > 0 && length % 64 == 0 && length < 512) {
        assertThat(usb.writes.get(i + 1)).as("the write after a %d-byte packet", length).isZero();
      }
    }
    assertThat(usb.writes).contains(0);
  }

  @Test
  void opensAV1ProbeAndPadsEveryReportToItsSize() {
    ProbeInfo lpc = driver.list(listener).get(1);
    try (ProbeTarget target = driver.open(lpc, listener)) {
      assertThat(target.readWord(0xE000_ED00L)).isEqualTo(0x410C_C200);
    }
    assertThat(hid.reports).isNotEmpty().allSatisfy(r -> assertThat(r).hasSize(64));
  }

  @Test
  void aBusThatCannotStartGivesAWarningAndNoProbesNeverAnException() {
    usb.failure = new ProbeException.Usb("libusb", "cannot start: LIBUSB_ERROR_OTHER", null);
    List<ProbeInfo> probes = driver.list(listener);
    assertThat(probes).extracting(ProbeInfo::protocol).containsExactly("v1");
    assertThat(warnings).singleElement().asString().contains("v2").contains("LIBUSB_ERROR_OTHER");
  }

  @Test
  void aProbeThatWentAwayIsNotFound() {
    ProbeInfo pi = driver.list(listener).get(0);
    usb.devices.size();
    CmsisDapDriver empty = new CmsisDapDriver(new FakeBuses.Usb(List.of()), new FakeBuses.Hid(List.of()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> empty.open(pi, listener))
        .isInstanceOf(ProbeException.NotFound.class).hasMessageContaining("E6614103E7452D2F");
  }
}
