package dev.packs.index.internal.db;

import dev.packs.index.Device;
import dev.packs.index.DeviceNode;
import dev.packs.index.Version;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compact binary form of an effective {@link Device}: plain {@code DataOutput} fields in a fixed
 * order, so reading one device needs no reflection and few classes. Strings are length-prefixed UTF-8
 * and counts are ints, so no name or list a descriptor can hold is beyond the format (writeUTF stops
 * at 64 KiB, writeShort at 65,535). Bump {@link #FORMAT} on any change; an old file is then rebuilt,
 * never misread.
 */
public final class DeviceCodec {
  public static final int FORMAT = 3;

  /** Larger than any string or list a real descriptor holds; a length beyond it is damage. */
  private static final int MAX_LENGTH = 1 << 26;

  private DeviceCodec() {}

  public static void write(DataOutput out, Device d) throws IOException {
    text(out, d.name());
    text(out, d.vendor());
    text(out, d.family());
    str(out, d.subFamily());
    str(out, d.variantOf());
    text(out, d.pack().vendor());
    text(out, d.pack().name());
    str(out, d.pack().version().map(Version::toString));
    out.writeInt(d.processors().size());
    for (Device.Processor p : d.processors()) {
      str(out, p.name());
      text(out, p.core());
      text(out, p.fpu());
      text(out, p.mpu());
      text(out, p.endian());
      num(out, p.clock());
      text(out, p.origin());
    }
    out.writeInt(d.memories().size());
    for (Device.Memory m : d.memories()) {
      text(out, m.name());
      out.writeLong(m.start());
      out.writeLong(m.size());
      text(out, m.access());
      out.writeByte((m.isDefault() ? 1 : 0) | (m.startup() ? 2 : 0) | (m.uninit() ? 4 : 0));
      str(out, m.pname());
      str(out, m.alias());
      text(out, m.origin());
    }
    out.writeInt(d.algorithms().size());
    for (Device.Algorithm a : d.algorithms()) {
      text(out, a.path());
      out.writeLong(a.start());
      out.writeLong(a.size());
      num(out, a.ramStart());
      num(out, a.ramSize());
      out.writeBoolean(a.isDefault());
      text(out, a.style());
      str(out, a.pname());
      text(out, a.origin());
    }
    out.writeInt(d.debugs().size());
    for (DeviceNode.Debug g : d.debugs()) {
      str(out, g.pname());
      num(out, g.punit().map(Integer::longValue));
      str(out, g.svd());
      num(out, g.dp());
      num(out, g.ap());
      num(out, g.apid());
      num(out, g.address());
      str(out, g.defaultResetSequence());
    }
    out.writeInt(d.descriptions().size());
    for (String s : d.descriptions()) {
      text(out, s);
    }
    out.writeInt(d.features().size());
    for (DeviceNode.Feature f : d.features()) {
      text(out, f.type());
      str(out, f.n());
      str(out, f.m());
      str(out, f.name());
    }
  }

  public static Device read(DataInput in) throws IOException {
    String name = text(in);
    String vendor = text(in);
    String family = text(in);
    Optional<String> subFamily = str(in);
    Optional<String> variantOf = str(in);
    Device.PackRef pack = new Device.PackRef(text(in), text(in), str(in).map(Version::parse));
    List<Device.Processor> processors = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      processors.add(
          new Device.Processor(
              str(in), text(in), text(in), text(in), text(in), num(in), text(in)));
    }
    List<Device.Memory> memories = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      String n = text(in);
      long start = in.readLong();
      long size = in.readLong();
      String access = text(in);
      int flags = in.readByte();
      memories.add(
          new Device.Memory(
              n, start, size, access, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0,
              str(in), str(in), text(in)));
    }
    List<Device.Algorithm> algorithms = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      algorithms.add(
          new Device.Algorithm(
              text(in), in.readLong(), in.readLong(), num(in), num(in), in.readBoolean(),
              text(in), str(in), text(in)));
    }
    List<DeviceNode.Debug> debugs = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      debugs.add(
          new DeviceNode.Debug(
              str(in), num(in).map(Long::intValue), str(in), num(in), num(in), num(in), num(in),
              str(in)));
    }
    List<String> descriptions = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      descriptions.add(text(in));
    }
    List<DeviceNode.Feature> features = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      features.add(new DeviceNode.Feature(text(in), str(in), str(in), str(in)));
    }
    return new Device(
        name, vendor, family, subFamily, variantOf, pack, processors, memories, algorithms,
        debugs, descriptions, features);
  }

  static void str(DataOutput out, Optional<String> s) throws IOException {
    out.writeBoolean(s.isPresent());
    if (s.isPresent()) {
      text(out, s.get());
    }
  }

  static Optional<String> str(DataInput in) throws IOException {
    return in.readBoolean() ? Optional.of(text(in)) : Optional.empty();
  }

  private static void num(DataOutput out, Optional<Long> n) throws IOException {
    out.writeBoolean(n.isPresent());
    if (n.isPresent()) {
      out.writeLong(n.get());
    }
  }

  private static Optional<Long> num(DataInput in) throws IOException {
    return in.readBoolean() ? Optional.of(in.readLong()) : Optional.empty();
  }

  /** A string of any length: its UTF-8 byte count, then the bytes. */
  public static void text(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static String text(DataInput in) throws IOException {
    byte[] b = new byte[length(in.readInt())];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A list length; a damaged file fails as such instead of asking for gigabytes. */
  public static int count(DataInput in) throws IOException {
    return length(in.readInt());
  }

  private static int length(int n) throws StreamCorruptedException {
    if (n < 0 || n > MAX_LENGTH) {
      throw new StreamCorruptedException("damaged device file: length " + n);
    }
    return n;
  }
}
