package dev.packs.index;

import dev.packs.index.internal.db.CatalogCodec;
import dev.packs.index.internal.db.DeviceCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The binary forms of the device database, as pure stream codecs: the catalog (every indexed pack
 * with its device and board names) and one pack file (the effective devices of one descriptor, each
 * with the warnings its descriptor gave). Where the files live and who may write them is the cache's
 * business; this class only reads and writes streams.
 */
public final class DeviceDatabaseCodec {
  private static final int PACK_MAGIC = 0x504B4456; // "PKDV"

  private DeviceDatabaseCodec() {}

  /** A device as stored, with the warnings its descriptor gave about it. */
  public record StoredDevice(Device device, List<String> warnings) {
    public StoredDevice {
      java.util.Objects.requireNonNull(device, "device");
      warnings = List.copyOf(warnings);
    }
  }

  public static void writeCatalog(DataOutput out, List<IndexedPack> packs) throws IOException {
    CatalogCodec.write(out, packs);
  }

  /**
   * Reads a catalog.
   *
   * @throws IOException when it is truncated, foreign or of another format version
   */
  public static List<IndexedPack> readCatalog(DataInput in) throws IOException {
    try {
      return CatalogCodec.read(in);
    } catch (RuntimeException e) { // a record's validation refused a damaged value
      throw new StreamCorruptedException("damaged catalog: " + e.getMessage());
    }
  }

  /** Writes the devices of one resolved descriptor, each followed by its warnings. */
  public static void writePack(DataOutput out, DeviceResolver.Result resolved) throws IOException {
    out.writeInt(PACK_MAGIC);
    out.writeInt(DeviceCodec.FORMAT);
    out.writeInt(resolved.devices().size());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    for (Device d : resolved.devices()) {
      buf.reset();
      DataOutputStream entry = new DataOutputStream(buf);
      DeviceCodec.write(entry, d);
      List<String> warnings = resolved.warningsFor(d.name());
      entry.writeInt(warnings.size());
      for (String w : warnings) {
        DeviceCodec.text(entry, w);
      }
      DeviceCodec.text(out, d.name());
      out.writeInt(buf.size());
      out.write(buf.toByteArray());
    }
  }

  /** Skips to the named device (case-insensitive) in a pack file and decodes only that one. */
  public static Optional<StoredDevice> findDevice(DataInput in, String name) throws IOException {
    if (in.readInt() != PACK_MAGIC || in.readInt() != DeviceCodec.FORMAT) {
      throw new StreamCorruptedException("not a device file of format " + DeviceCodec.FORMAT);
    }
    for (int n = DeviceCodec.count(in); n > 0; n--) {
      String candidate = DeviceCodec.text(in);
      int len = in.readInt();
      if (candidate.equalsIgnoreCase(name)) {
        Device d = DeviceCodec.read(in);
        List<String> warnings = new ArrayList<>();
        for (int w = DeviceCodec.count(in); w > 0; w--) {
          warnings.add(DeviceCodec.text(in));
        }
        return Optional.of(new StoredDevice(d, warnings));
      }
      skipFully(in, len);
    }
    return Optional.empty();
  }

  private static void skipFully(DataInput in, int len) throws IOException {
    int left = len;
    while (left > 0) {
      int skipped = in.skipBytes(left);
      if (skipped <= 0) {
        in.readByte(); // throws EOFException at the end
        skipped = 1;
      }
      left -= skipped;
    }
  }
}
