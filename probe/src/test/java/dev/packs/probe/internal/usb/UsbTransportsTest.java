package dev.packs.probe.internal.usb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bulk and HID transports' framing, and the report size from recorded HID report descriptors. */
class UsbTransportsTest {
  /** A pipe that records the length of every bulk write. */
  private static final class Recording implements UsbBus.BulkPipe {
    final List<Integer> writes = new ArrayList<>();

    @Override
    public int write(byte[] data, int length, int timeoutMillis) {
      writes.add(length);
      return length;
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) {
      return -1;
    }

    @Override
    public int maxPacketSize() {
      return 512;
    }

    @Override
    public void close() {}
  }

  @Test
  void sendsAZeroLengthPacketOnlyAfterAShortWriteOfWholeUsbPackets() {
    // High-speed endpoint (512 bytes) and a 1024-byte DAP packet: 512 needs a ZLP, 1024 and 100 do not.
    Recording pipe = new Recording();
    BulkTransport transport = new BulkTransport(pipe, "test", 1000);
    transport.agreePacketSize(1024);
    transport.write(new byte[1024], 512);
    transport.write(new byte[1024], 1024);
    transport.write(new byte[1024], 100);
    assertThat(pipe.writes).containsExactly(512, 0, 1024, 100);
  }

  @Test
  void aMissingAnswerIsATimeoutNamingTheProbe() {
    BulkTransport transport = new BulkTransport(new Recording(), "cmsis-dap:X1", 1000);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> transport.read(new byte[64]))
        .isInstanceOf(dev.packs.probe.ProbeException.Timeout.class).hasMessageContaining("cmsis-dap:X1");
  }

  @Test
  void readsTheOutputReportSizeOfCmsisDapReportDescriptors() {
    // DAPLink's: vendor usage page, 64-byte input, output and feature reports.
    byte[] fullSpeed = {0x06, 0x00, (byte) 0xFF, 0x09, 0x01, (byte) 0xA1, 0x01, 0x15, 0x00, 0x26,
        (byte) 0xFF, 0x00, 0x75, 0x08, (byte) 0x95, 0x40, 0x09, 0x01, (byte) 0x81, 0x02,
        (byte) 0x95, 0x40, 0x09, 0x01, (byte) 0x91, 0x02, (byte) 0x95, 0x01, 0x09, 0x01,
        (byte) 0xB1, 0x02, (byte) 0xC0};
    assertThat(HidReports.outputReportSize(fullSpeed, fullSpeed.length)).hasValue(64);
    // A high-speed HID probe: Report Count 1024 as a two-byte item.
    byte[] highSpeed = {0x06, 0x00, (byte) 0xFF, 0x09, 0x01, (byte) 0xA1, 0x01, 0x75, 0x08,
        (byte) 0x96, 0x00, 0x04, 0x09, 0x01, (byte) 0x81, 0x02, 0x09, 0x01, (byte) 0x91, 0x02,
        (byte) 0xC0};
    assertThat(HidReports.outputReportSize(highSpeed, highSpeed.length)).hasValue(1024);
    assertThat(HidReports.outputReportSize(new byte[] {0x05, 0x01}, 2)).isEmpty();
  }
}
