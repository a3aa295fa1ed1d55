package dev.packs.index.internal.db;

import dev.packs.index.Device;
import dev.packs.index.DeviceNode;
import dev.packs.index.Version;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compact binary form of an effective {@link Device}: plain {@code DataOutput} fields in a fixed
 * order, so reading one device needs no reflection and few classes. Bump {@link #FORMAT} on any
 * change; an old file is then rebuilt, never misread.
 */
public final class DeviceCodec {
  public static final int FORMAT = 2;

  private DeviceCodec() {}

  public static void write(DataOutput out, Device d) throws IOException {
    out.writeUTF(d.name());
    out.writeUTF(d.vendor());
    out.writeUTF(d.family());
    str(out, d.subFamily());
    str(out, d.variantOf());
    out.writeUTF(d.pack().vendor());
    out.writeUTF(d.pack().name());
    str(out, d.pack().version().map(Version::toString));
    out.writeShort(d.processors().size());
    for (Device.Processor p : d.processors()) {
      str(out, p.name());
      out.writeUTF(p.core());
      out.writeUTF(p.fpu());
      out.writeUTF(p.mpu());
      out.writeUTF(p.endian());
      num(out, p.clock());
      out.writeUTF(p.origin());
    }
    out.writeShort(d.memories().size());
    for (Device.Memory m : d.memories()) {
      out.writeUTF(m.name());
      out.writeLong(m.start());
      out.writeLong(m.size());
      out.writeUTF(m.access());
      out.writeByte((m.isDefault() ? 1 : 0) | (m.startup() ? 2 : 0) | (m.uninit() ? 4 : 0));
      str(out, m.pname());
      str(out, m.alias());
      out.writeUTF(m.origin());
    }
    out.writeShort(d.algorithms().size());
    for (Device.Algorithm a : d.algorithms()) {
      out.writeUTF(a.path());
      out.writeLong(a.start());
      out.writeLong(a.size());
      num(out, a.ramStart());
      num(out, a.ramSize());
      out.writeBoolean(a.isDefault());
      out.writeUTF(a.style());
      str(out, a.pname());
      out.writeUTF(a.origin());
    }
    out.writeShort(d.debugs().size());
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
    out.writeShort(d.descriptions().size());
    for (String s : d.descriptions()) {
      writeLong(out, s);
    }
    out.writeShort(d.features().size());
    for (DeviceNode.Feature f : d.features()) {
      out.writeUTF(f.type());
      str(out, f.n());
      str(out, f.m());
      str(out, f.name());
    }
  }

  public static Device read(DataInput in) throws IOException {
    String name = in.readUTF();
    String vendor = in.readUTF();
    String family = in.readUTF();
    Optional<String> subFamily = str(in);
    Optional<String> variantOf = str(in);
    Device.PackRef pack = new Device.PackRef(in.readUTF(), in.readUTF(), str(in).map(Version::parse));
    List<Device.Processor> processors = new ArrayList<>();
    for (int i = in.readUnsignedShort(); i > 0; i--) {
      processors.add(
          new Device.Processor(
              str(in), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), num(in), in.readUTF()));
    }
    List<Device.Memory> memories = new ArrayList<>();
    for (int i = in.readUnsignedShort(); i > 0; i--) {
      String n = in.readUTF();
      long start = in.readLong();
      long size = in.readLong();
      String access = in.readUTF();
      int flags = in.readByte();
      memories.add(
          new Device.Memory(
              n, start, size, access, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0,
              str(in), str(in), in.readUTF()));
    }
    List<Device.Algorithm> algorithms = new ArrayList<>();
    for (int i = in.readUnsignedShort(); i > 0; i--) {
      algorithms.add(
          new Device.Algorithm(
              in.readUTF(), in.readLong(), in.readLong(), num(in), num(in), in.readBoolean(),
              in.readUTF(), str(in), in.readUTF()));
    }
    List<DeviceNode.Debug> debugs = new ArrayList<>();
    for (int i = in.readUnsignedShort(); i > 0; i--) {
      debugs.add(
          new DeviceNode.Debug(
              str(in), num(in).map(Long::intValue), str(in), num(in), num(in), num(in), num(in),
              str(in)));
    }
    List<String> descriptions = new ArrayList<>();
    for (int i = in.readUnsignedShort(); i > 0; i--) {
      descriptions.add(readLong(in));
    }
    List<DeviceNode.Feature> features = new ArrayList<>();
    for (int i = in.readUnsignedShort(); i > 0; i--) {
      features.add(new DeviceNode.Feature(in.readUTF(), str(in), str(in), str(in)));
    }
    return new Device(
        name, vendor, family, subFamily, variantOf, pack, processors, memories, algorithms,
        debugs, descriptions, features);
  }

  static void str(DataOutput out, Optional<String> s) throws IOException {
    out.writeBoolean(s.isPresent());
    if (s.isPresent()) {
      out.writeUTF(s.get());
    }
  }

  static Optional<String> str(DataInput in) throws IOException {
    return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
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

  /** Descriptions may exceed writeUTF's 64 KB limit. */
  private static void writeLong(DataOutput out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readLong(DataInput in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }
}
