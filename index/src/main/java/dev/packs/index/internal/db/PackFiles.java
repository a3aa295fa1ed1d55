package dev.packs.index.internal.db;

import dev.packs.index.Device;
import dev.packs.index.DeviceDatabase;
import dev.packs.index.DeviceResolver;
import dev.packs.index.IndexException;
import dev.packs.index.IndexedPack;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PackSource;
import dev.packs.index.PdscReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The files of the device database and their atomic replacement. Callers hold the lock. */
public final class PackFiles {
  private static final int PACK_MAGIC = 0x504B4456; // "PKDV"

  private final Path dir;

  public PackFiles(Path dir) {
    this.dir = dir;
  }

  public Path catalog() {
    return dir.resolve("catalog.bin");
  }

  private Path packsDir() {
    return dir.resolve("packs");
  }

  public Path packFile(IndexedPack p) {
    String safe = p.source().key().replaceAll("[^A-Za-z0-9._-]", "_");
    return packsDir()
        .resolve(safe + "-" + Long.toHexString(p.size()) + "-" + Long.toHexString(p.modified()) + ".bin");
  }

  /** The catalog, or empty when missing or of another format (it is then rebuilt). */
  public Optional<List<IndexedPack>> readCatalog() throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(catalog()), 1 << 16)) {
      return Optional.of(CatalogCodec.read(new DataInputStream(in)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (java.io.EOFException | java.io.StreamCorruptedException | java.io.UTFDataFormatException
        | RuntimeException e) {
      return Optional.empty(); // truncated, foreign or older format: rebuild
    }
  }

  /** Replaces the catalog atomically, then deletes pack files it no longer names. */
  public void writeCatalog(List<IndexedPack> packs) throws IOException {
    atomicWrite(catalog(), out -> CatalogCodec.write(out, packs));
    Set<Path> keep = new HashSet<>();
    for (IndexedPack p : packs) {
      keep.add(packFile(p).getFileName());
    }
    if (Files.isDirectory(packsDir())) {
      try (DirectoryStream<Path> all = Files.newDirectoryStream(packsDir())) {
        for (Path f : all) {
          if (!keep.contains(f.getFileName())) {
            Files.deleteIfExists(f);
          }
        }
      }
    }
  }

  /** Size and modification time of each source that exists, by key. */
  public static Map<String, long[]> stat(Collection<PackSource> sources) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (PackSource s : sources) {
      try {
        BasicFileAttributes a = Files.readAttributes(s.descriptor(), BasicFileAttributes.class);
        out.put(s.key(), new long[] {a.size(), a.lastModifiedTime().toMillis()});
      } catch (IOException e) {
        // a source that cannot be read is treated as gone
      }
    }
    return out;
  }

  public static boolean same(IndexedPack p, PackSource s, long[] st) {
    return p.source().equals(s) && p.size() == st[0] && p.modified() == st[1];
  }

  public static boolean upToDate(
      List<IndexedPack> current, Map<String, PackSource> wanted, Map<String, long[]> stats) {
    if (current.size() != stats.size()) {
      return false;
    }
    for (IndexedPack p : current) {
      PackSource s = wanted.get(p.source().key());
      long[] st = stats.get(p.source().key());
      if (s == null || st == null || !same(p, s, st)) {
        return false;
      }
    }
    return true;
  }

  /** Reads, resolves and stores one descriptor; a failure is recorded, not thrown. */
  public IndexedPack index(PackSource s, long[] st, DeviceDatabase.Listener listener)
      throws IOException {
    PackDescriptor pdsc;
    try (InputStream in = Files.newInputStream(s.descriptor())) {
      pdsc = PdscReader.read(in, s.descriptor().toString());
    } catch (IndexException e) {
      listener.failed(s, e);
      return new IndexedPack(
          s, st[0], st[1], "", s.key(), Optional.empty(), List.of(), List.of(),
          Optional.of(e.getMessage()));
    }
    DeviceResolver.Result r = DeviceResolver.resolve(pdsc);
    r.warnings().forEach(listener::warning);
    IndexedPack p = IndexedPack.of(s, st[0], st[1], pdsc, r.devices());
    writeDevices(packFile(p), r);
    listener.indexed(s, r.devices().size());
    return p;
  }

  private void writeDevices(Path file, DeviceResolver.Result r) throws IOException {
    atomicWrite(
        file,
        out -> {
          out.writeInt(PACK_MAGIC);
          out.writeInt(DeviceCodec.FORMAT);
          out.writeInt(r.devices().size());
          ByteArrayOutputStream buf = new ByteArrayOutputStream();
          for (Device d : r.devices()) {
            buf.reset();
            DataOutputStream entry = new DataOutputStream(buf);
            DeviceCodec.write(entry, d);
            List<String> warnings = r.warningsFor(d.name());
            entry.writeShort(warnings.size());
            for (String w : warnings) {
              entry.writeUTF(w);
            }
            out.writeUTF(d.name());
            out.writeInt(buf.size());
            buf.writeTo(out);
          }
        });
  }

  /** A device as stored, with the warnings its descriptor gave about it. */
  public record Stored(Device device, List<String> warnings) {}

  /** Skips to the named device (case-insensitive) and decodes only that one. */
  public static Optional<Stored> findDevice(DataInput in, String name) throws IOException {
    if (in.readInt() != PACK_MAGIC || in.readInt() != DeviceCodec.FORMAT) {
      throw new java.io.StreamCorruptedException("not a device file of format " + DeviceCodec.FORMAT);
    }
    for (int n = in.readInt(); n > 0; n--) {
      String candidate = in.readUTF();
      int len = in.readInt();
      if (candidate.equalsIgnoreCase(name)) {
        Device d = DeviceCodec.read(in);
        List<String> warnings = new java.util.ArrayList<>();
        for (int w = in.readUnsignedShort(); w > 0; w--) {
          warnings.add(in.readUTF());
        }
        return Optional.of(new Stored(d, warnings));
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

  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private static void atomicWrite(Path target, Body body) throws IOException {
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
        DataOutputStream out = new DataOutputStream(os)) {
      body.write(out);
    }
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
