package dev.packs.probe.internal.stlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A USB bus of recorded devices: the boundary fake the discovery tests use. Each device's descriptors
 * come from a {@code .usb} file (hex lines tagged {@code device}, {@code config}, {@code string N});
 * its bulk endpoints, when it has any, are a {@link VirtualStLink}.
 */
final class RecordedUsb implements UsbBus {
  private final List<Device> devices = new ArrayList<>();
  boolean closed;

  RecordedUsb add(String recording, Optional<VirtualStLink> bulk, Optional<String> claimFailure) {
    devices.add(new Recorded("bus 1 address " + (devices.size() + 2), load(recording), bulk,
        claimFailure));
    return this;
  }

  RecordedUsb add(String recording) {
    return add(recording, Optional.empty(), Optional.empty());
  }

  @Override
  public List<Device> devices() {
    return List.copyOf(devices);
  }

  @Override
  public void close() {
    closed = true;
  }

  private static Map<String, byte[]> load(String recording) {
    Map<String, byte[]> parts = new HashMap<>();
    try (InputStream in = RecordedUsb.class.getResourceAsStream(recording)) {
      if (in == null) {
        throw new IllegalArgumentException("no recording " + recording);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] words = line.trim().split(" ");
        int hexFrom = words[0].equals("string") ? 2 : 1;
        String key = hexFrom == 2 ? words[0] + " " + words[1] : words[0];
        StringBuilder hex = new StringBuilder();
        for (int i = hexFrom; i < words.length; i++) {
          hex.append(words[i]);
        }
        parts.merge(key, HexFormat.of().parseHex(hex), RecordedUsb::concat);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parts;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private record Recorded(String location, Map<String, byte[]> parts, Optional<VirtualStLink> bulk,
      Optional<String> claimFailure) implements Device {
    @Override
    public byte[] deviceDescriptor() {
      return parts.get("device").clone();
    }

    @Override
    public Handle open() {
      return new Handle() {
        @Override
        public byte[] descriptor(int type, int index, int language) throws UsbIoException {
          byte[] d = type == CONFIGURATION ? parts.get("config") : parts.get("string " + index);
          if (d == null) {
            throw new UsbIoException("no descriptor " + type + "/" + index + " recorded");
          }
          return d.clone();
        }

        @Override
        public void claim(int interfaceNumber) throws UsbIoException {
          if (claimFailure.isPresent()) {
            throw new UsbIoException(claimFailure.get());
          }
          bulk().claim(interfaceNumber);
        }

        @Override
        public void write(int endpoint, byte[] data, int timeoutMillis) throws UsbIoException {
          bulk().write(endpoint, data, timeoutMillis);
        }

        @Override
        public int read(int endpoint, byte[] buffer, int timeoutMillis) throws UsbIoException {
          return bulk().read(endpoint, buffer, timeoutMillis);
        }

        private VirtualStLink bulk() throws UsbIoException {
          return bulk.orElseThrow(() -> new UsbIoException("nothing behind the recorded endpoints"));
        }

        @Override
        public void close() {}
      };
    }
  }
}
