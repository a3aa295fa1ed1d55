package dev.packs.flm;

import dev.packs.flm.internal.FlmParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32;

/**
 * The algorithm cache's file format: a magic, the format version, the parsed fields, then a CRC-32 of
 * everything before it. Decoding checks all three and the records' own validation, so a torn or
 * foreign file is rejected rather than trusted.
 */
public final class AlgorithmCodec {
  /** Bump when the format or the loader's results change: old entries are then never read. */
  public static final int FORMAT_VERSION = 1;

  private static final int MAGIC = 0x504B_414C; // "PKAL"
  private static final int MAX_SECTOR_RUNS = 4096;

  private AlgorithmCodec() {}

  public static byte[] encode(FlashAlgorithm algo) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(algo.blob().size() + 512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeUTF(algo.source());
      out.writeUTF(algo.sha256());
      writeDevice(out, algo.device());
      out.writeInt(algo.sectors().size());
      for (SectorRun run : algo.sectors()) {
        out.writeLong(run.start());
        out.writeLong(run.size());
        out.writeLong(run.end());
      }
      writeEntries(out, algo.entryPoints());
      for (BlobRange r : List.of(algo.sections().code(), algo.sections().data(), algo.sections().bss())) {
        out.writeLong(r.offset());
        out.writeLong(r.size());
      }
      out.writeLong(algo.staticBase());
      byte[] blob = algo.blob().toByteArray();
      out.writeInt(blob.length);
      out.write(blob);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    long value = crc.getValue();
    for (int shift = 24; shift >= 0; shift -= 8) {
      bytes.write((int) (value >>> shift));
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes an entry.
   *
   * @throws IOException if the bytes are not a whole, current-format, self-consistent entry
   */
  public static FlashAlgorithm decode(byte[] bytes) throws IOException {
    if (bytes.length < 12) {
      throw new IOException("too short");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    int stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
    if ((int) crc.getValue() != stored) {
      throw new IOException("checksum mismatch");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4))) {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION) {
        throw new IOException("not a format " + FORMAT_VERSION + " algorithm entry");
      }
      return read(in);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("inconsistent entry: " + e.getMessage(), e);
    }
  }

  private static FlashAlgorithm read(DataInputStream in) throws IOException {
    String source = in.readUTF();
    String sha256 = in.readUTF();
    FlashDevice device = readDevice(in);
    int runs = in.readInt();
    if (runs < 0 || runs > MAX_SECTOR_RUNS) {
      throw new IOException("bad sector run count " + runs);
    }
    List<SectorRun> sectors = new ArrayList<>(runs);
    for (int i = 0; i < runs; i++) {
      sectors.add(new SectorRun(in.readLong(), in.readLong(), in.readLong()));
    }
    EntryPoints entries = readEntries(in);
    Sections sections =
        new Sections(
            new BlobRange(in.readLong(), in.readLong()),
            new BlobRange(in.readLong(), in.readLong()),
            new BlobRange(in.readLong(), in.readLong()));
    long staticBase = in.readLong();
    int length = in.readInt();
    if (length < 0 || length > FlmParser.MAX_BLOB_SIZE) {
      throw new IOException("bad blob length " + length);
    }
    byte[] blob = in.readNBytes(length);
    if (blob.length != length || in.read() != -1) {
      throw new IOException("blob length mismatch");
    }
    return new FlashAlgorithm(
        source, sha256, device, sectors, entries, sections, staticBase, Blob.of(blob));
  }

  private static void writeDevice(DataOutputStream out, FlashDevice d) throws IOException {
    out.writeInt(d.version());
    out.writeUTF(d.name());
    out.writeInt(d.type());
    out.writeLong(d.start());
    out.writeLong(d.size());
    out.writeLong(d.pageSize());
    out.writeInt(d.erasedValue());
    out.writeLong(d.programTimeoutMs());
    out.writeLong(d.eraseTimeoutMs());
  }

  private static FlashDevice readDevice(DataInputStream in) throws IOException {
    return new FlashDevice(
        in.readInt(),
        in.readUTF(),
        in.readInt(),
        in.readLong(),
        in.readLong(),
        in.readLong(),
        in.readInt(),
        in.readLong(),
        in.readLong());
  }

  private static void writeEntries(DataOutputStream out, EntryPoints e) throws IOException {
    out.writeLong(e.init());
    out.writeLong(e.unInit());
    out.writeLong(e.eraseSector());
    out.writeLong(e.programPage());
    for (OptionalLong value : List.of(e.eraseChip(), e.blankCheck(), e.verify())) {
      out.writeBoolean(value.isPresent());
      out.writeLong(value.orElse(0));
    }
  }

  private static EntryPoints readEntries(DataInputStream in) throws IOException {
    return new EntryPoints(
        in.readLong(),
        in.readLong(),
        in.readLong(),
        in.readLong(),
        optional(in),
        optional(in),
        optional(in));
  }

  private static OptionalLong optional(DataInputStream in) throws IOException {
    boolean present = in.readBoolean();
    long value = in.readLong();
    return present ? OptionalLong.of(value) : OptionalLong.empty();
  }
}
