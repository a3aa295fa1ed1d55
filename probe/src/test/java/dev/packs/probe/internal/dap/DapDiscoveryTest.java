package dev.packs.probe.internal.dap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which recorded devices are CMSIS-DAP probes, and how each is reached. */
class DapDiscoveryTest {
  @Test
  void findsAV2ProbeByItsInterfaceStringAndEndpointOrder() {
    List<DapDiscovery.Found> found = DapDiscovery.find(List.of(RecordedProbes.PI_DEBUG_PROBE), List.of());
    assertThat(found).singleElement().isInstanceOfSatisfying(DapDiscovery.Bulk.class, bulk -> {
      assertThat(bulk.info().protocol()).isEqualTo("v2");
      assertThat(bulk.info().spec()).isEqualTo("cmsis-dap:E6614103E7452D2F");
      assertThat(bulk.outEndpoint()).isEqualTo(0x04);
      assertThat(bulk.inEndpoint()).isEqualTo(0x85);
      assertThat(bulk.iface().number()).isZero();
    });
  }

  @Test
  void listsAProbeThatOffersBothTransportsOnceAsV2() {
    List<DapDiscovery.Found> found = DapDiscovery.find(List.of(RecordedProbes.DAPLINK),
        List.of(RecordedProbes.DAPLINK_HID));
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.info().protocol()).isEqualTo("v2");
      assertThat(((DapDiscovery.Bulk) f).iface().number()).isEqualTo(4);
    });
  }

  @Test
  void takesTheHidInterfaceOnTheVendorUsagePageWhenAProbeHasSeveral() {
    List<DapDiscovery.Found> found = DapDiscovery.find(List.of(),
        List.of(RecordedProbes.LPC_LINK2_DATA, RecordedProbes.LPC_LINK2_DAP));
    assertThat(found).singleElement().isInstanceOfSatisfying(DapDiscovery.Hid.class, hid -> {
      assertThat(hid.info().protocol()).isEqualTo("v1");
      assertThat(hid.device().path()).isEqualTo("/dev/hidraw1");
      assertThat(hid.info().vendor()).isEqualTo("NXP Semiconductors");
    });
  }

  @Test
  void ignoresDevicesThatAreNotUsableCmsisDapProbes() {
    assertThat(DapDiscovery.find(List.of(RecordedProbes.FTDI, RecordedProbes.IN_BEFORE_OUT),
        List.of(RecordedProbes.KEYBOARD))).isEmpty();
  }
}
