package dev.packs.index.internal.db;

import dev.packs.index.IndexedPack;
import dev.packs.index.PackSource;
import dev.packs.index.Version;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The binary form of the catalog: every indexed pack with its device and board names. */
public final class CatalogCodec {
  public static final int MAGIC = 0x504B4442; // "PKDB"

  private CatalogCodec() {}

  public static void write(DataOutput out, List<IndexedPack> packs) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(DeviceCodec.FORMAT);
    out.writeInt(packs.size());
    for (IndexedPack p : packs) {
      out.writeUTF(p.source().key());
      out.writeUTF(p.source().descriptor().toString());
      out.writeByte(p.source().origin().ordinal());
      out.writeLong(p.size());
      out.writeLong(p.modified());
      out.writeUTF(p.vendor());
      out.writeUTF(p.name());
      DeviceCodec.str(out, p.version().map(Version::toString));
      DeviceCodec.str(out, p.error());
      out.writeInt(p.devices().size());
      for (IndexedPack.DeviceName d : p.devices()) {
        out.writeUTF(d.name());
        out.writeUTF(d.vendor());
      }
      out.writeInt(p.boards().size());
      for (IndexedPack.BoardName b : p.boards()) {
        out.writeUTF(b.name());
        out.writeUTF(b.vendor());
        out.writeShort(b.mountedDevices().size());
        for (String m : b.mountedDevices()) {
          out.writeUTF(m);
        }
      }
    }
  }

  /** Reads a catalog; throws {@link IOException} for a foreign or older format. */
  public static List<IndexedPack> read(DataInput in) throws IOException {
    if (in.readInt() != MAGIC || in.readInt() != DeviceCodec.FORMAT) {
      throw new java.io.StreamCorruptedException("not a device catalog of format " + DeviceCodec.FORMAT);
    }
    int n = in.readInt();
    List<IndexedPack> packs = new ArrayList<>(n);
    PackSource.Origin[] origins = PackSource.Origin.values();
    for (int i = 0; i < n; i++) {
      PackSource source = new PackSource(in.readUTF(), Path.of(in.readUTF()), origins[in.readByte()]);
      long size = in.readLong();
      long modified = in.readLong();
      String vendor = in.readUTF();
      String name = in.readUTF();
      var version = DeviceCodec.str(in).map(Version::parse);
      var error = DeviceCodec.str(in);
      int nd = in.readInt();
      List<IndexedPack.DeviceName> devices = new ArrayList<>(nd);
      for (int d = 0; d < nd; d++) {
        devices.add(new IndexedPack.DeviceName(in.readUTF(), in.readUTF()));
      }
      int nb = in.readInt();
      List<IndexedPack.BoardName> boards = new ArrayList<>(nb);
      for (int b = 0; b < nb; b++) {
        String bn = in.readUTF();
        String bv = in.readUTF();
        List<String> mounted = new ArrayList<>();
        for (int m = in.readUnsignedShort(); m > 0; m--) {
          mounted.add(in.readUTF());
        }
        boards.add(new IndexedPack.BoardName(bn, bv, mounted));
      }
      packs.add(new IndexedPack(source, size, modified, vendor, name, version, devices, boards, error));
    }
    return packs;
  }
}
