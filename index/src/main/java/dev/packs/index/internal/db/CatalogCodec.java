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
      DeviceCodec.text(out, p.source().key());
      DeviceCodec.text(out, p.source().descriptor().toString());
      out.writeByte(p.source().origin().ordinal());
      out.writeLong(p.size());
      out.writeLong(p.modified());
      DeviceCodec.text(out, p.vendor());
      DeviceCodec.text(out, p.name());
      DeviceCodec.str(out, p.version().map(Version::toString));
      DeviceCodec.str(out, p.error());
      out.writeInt(p.devices().size());
      for (IndexedPack.DeviceName d : p.devices()) {
        DeviceCodec.text(out, d.name());
        DeviceCodec.text(out, d.vendor());
      }
      out.writeInt(p.boards().size());
      for (IndexedPack.BoardName b : p.boards()) {
        DeviceCodec.text(out, b.name());
        DeviceCodec.text(out, b.vendor());
        out.writeInt(b.mountedDevices().size());
        for (String m : b.mountedDevices()) {
          DeviceCodec.text(out, m);
        }
      }
    }
  }

  /** Reads a catalog; throws {@link IOException} for a foreign or older format. */
  public static List<IndexedPack> read(DataInput in) throws IOException {
    if (in.readInt() != MAGIC || in.readInt() != DeviceCodec.FORMAT) {
      throw new java.io.StreamCorruptedException("not a device catalog of format " + DeviceCodec.FORMAT);
    }
    int n = DeviceCodec.count(in);
    List<IndexedPack> packs = new ArrayList<>(n);
    PackSource.Origin[] origins = PackSource.Origin.values();
    for (int i = 0; i < n; i++) {
      PackSource source = new PackSource(DeviceCodec.text(in), Path.of(DeviceCodec.text(in)), origins[in.readByte()]);
      long size = in.readLong();
      long modified = in.readLong();
      String vendor = DeviceCodec.text(in);
      String name = DeviceCodec.text(in);
      var version = DeviceCodec.str(in).map(Version::parse);
      var error = DeviceCodec.str(in);
      int nd = DeviceCodec.count(in);
      List<IndexedPack.DeviceName> devices = new ArrayList<>(nd);
      for (int d = 0; d < nd; d++) {
        devices.add(new IndexedPack.DeviceName(DeviceCodec.text(in), DeviceCodec.text(in)));
      }
      int nb = DeviceCodec.count(in);
      List<IndexedPack.BoardName> boards = new ArrayList<>(nb);
      for (int b = 0; b < nb; b++) {
        String bn = DeviceCodec.text(in);
        String bv = DeviceCodec.text(in);
        List<String> mounted = new ArrayList<>();
        for (int m = DeviceCodec.count(in); m > 0; m--) {
          mounted.add(DeviceCodec.text(in));
        }
        boards.add(new IndexedPack.BoardName(bn, bv, mounted));
      }
      packs.add(new IndexedPack(source, size, modified, vendor, name, version, devices, boards, error));
    }
    return packs;
  }
}
