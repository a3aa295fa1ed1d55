package dev.packs.probe.internal.usb;

import java.util.OptionalInt;

/**
 * Reads the output report size from a HID report descriptor (Report Size times Report Count at the
 * first Output item), which macOS hidapi needs written exactly.
 */
public final class HidReports {
  private HidReports() {}

  public static OptionalInt outputReportSize(byte[] descriptor, int length) {
    int reportSize = 0;
    int reportCount = 0;
    int i = 0;
    while (i < length) {
      int prefix = descriptor[i] & 0xFF;
      if (prefix == 0xFE) { // long item: size in the next byte
        if (i + 1 >= length) {
          break;
        }
        i += 3 + (descriptor[i + 1] & 0xFF);
        continue;
      }
      int size = switch (prefix & 3) {
        case 3 -> 4;
        default -> prefix & 3;
      };
      if (i + size >= length) {
        break;
      }
      int data = 0;
      for (int k = 0; k < size; k++) {
        data |= (descriptor[i + 1 + k] & 0xFF) << (8 * k);
      }
      switch (prefix & 0xFC) {
        case 0x74 -> reportSize = data;
        case 0x94 -> reportCount = data;
        case 0x90 -> {
          int bits = reportSize * reportCount;
          if (bits > 0 && bits % 8 == 0) {
            return OptionalInt.of(bits / 8);
          }
        }
        default -> { }
      }
      i += 1 + size;
    }
    return OptionalInt.empty();
  }
}
