package dev.packs.probe.internal.usb;

import java.util.List;

/** The thin boundary to hidapi (hid4java): list HID interfaces, open one. */
public interface HidBus {
  /** The attached HID interfaces; fails with {@link dev.packs.probe.ProbeException.Usb} when hidapi cannot start. */
  List<HidDeviceInfo> devices();

  HidPipe open(HidDeviceInfo device);

  /** An open HID interface: reports of a fixed size, without report IDs. */
  interface HidPipe extends AutoCloseable {
    /** The output report size, from the report descriptor (64 when it cannot be read). */
    int reportSize();

    /** Writes one output report of {@link #reportSize()} bytes (report ID 0 is added by hidapi). */
    int write(byte[] report);

    /** Reads one input report; returns its length, or 0 on timeout. */
    int read(byte[] buffer, int timeoutMillis);

    @Override
    void close();
  }
}
