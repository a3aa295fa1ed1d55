package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.cache.InvalidPackException.Problem;
import dev.packs.cache.internal.pack.PackArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackArchiveTest {
  // The smallest real DFP descriptor of the STM32G4 family keeps these archives small.
  private static final Path PDSC = Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc");
  private static final CacheConfig.ZipLimits LIMITS = CacheConfig.ZipLimits.defaults();

  @TempDir Path dir;

  private Problem problemOf(Fixtures.Zip zip, CacheConfig.ZipLimits limits) throws IOException {
    Path file = zip.writeTo(dir.resolve("p.pack"));
    try {
      PackArchive.inspect(file, file.toString(), limits);
    } catch (InvalidPackException e) {
      assertThat(e.source()).isEqualTo(file.toString());
      return e.problem();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void acceptsDescriptorAtTopLevel() throws Exception {
    Path file = Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").writeTo(dir.resolve("a.pack"));
    PackArchive.Inspected inspected = PackArchive.inspect(file, "a", LIMITS);
    assertThat(inspected.prefix()).isEmpty();
    assertThat(inspected.descriptorEntry()).isEqualTo("Keil.STM32G4xx_DFP.pdsc");
  }

  @Test
  void acceptsDescriptorOneFolderDown() throws Exception {
    Path file =
        new Fixtures.Zip().file("Pack/Keil.STM32G4xx_DFP.pdsc", Fixtures.bytes(PDSC)).file("Pack/a.txt", "a").writeTo(dir.resolve("b.pack"));
    assertThat(PackArchive.inspect(file, "b", LIMITS).prefix()).isEqualTo("Pack/");
  }

  @Test
  void rejectsDescriptorTwoFoldersDown() throws Exception {
    assertThat(problemOf(new Fixtures.Zip().file("a/b/Keil.STM32G4xx_DFP.pdsc", Fixtures.bytes(PDSC)), LIMITS))
        .isEqualTo(Problem.NO_DESCRIPTOR);
  }

  @Test
  void rejectsTwoDescriptors() throws Exception {
    Fixtures.Zip zip = Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").file("Other/Keil.Other.pdsc", Fixtures.bytes(PDSC));
    assertThat(problemOf(zip, LIMITS)).isEqualTo(Problem.MULTIPLE_DESCRIPTORS);
  }

  @Test
  void rejectsZipEntryOutsidePackRoot() throws Exception {
    Path file = Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").file("Flash/../../evil.txt", "x").writeTo(dir.resolve("c.pack"));
    assertThatThrownBy(() -> PackArchive.inspect(file, "c", LIMITS))
        .asInstanceOf(InstanceOfAssertFactories.type(InvalidPackException.class))
        .satisfies(e -> {
          assertThat(e.problem()).isEqualTo(Problem.UNSAFE_ENTRY);
          assertThat(e.entry()).contains("Flash/../../evil.txt");
        });
  }

  @Test
  void rejectsAbsoluteEntry() throws Exception {
    assertThat(problemOf(Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").file("/etc/evil", "x"), LIMITS))
        .isEqualTo(Problem.UNSAFE_ENTRY);
    assertThat(problemOf(Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").file("C:\\evil.txt", "x"), LIMITS))
        .isEqualTo(Problem.UNSAFE_ENTRY);
  }

  @Test
  void rejectsSymlinkEntry() throws Exception {
    assertThat(problemOf(Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").symlink("Flash/link", "/etc/passwd"), LIMITS))
        .isEqualTo(Problem.SYMLINK);
  }

  @Test
  void rejectsZipBombByRatio() throws Exception {
    byte[] zeros = new byte[64 << 20];
    Arrays.fill(zeros, (byte) 0);
    assertThat(problemOf(Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").file("bomb.bin", zeros), LIMITS))
        .isEqualTo(Problem.SUSPICIOUS_RATIO);
  }

  @Test
  void rejectsArchiveExpandingBeyondCap() throws Exception {
    CacheConfig.ZipLimits small = new CacheConfig.ZipLimits(100_000, 200, 1000);
    assertThat(problemOf(Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc"), small)).isEqualTo(Problem.TOO_LARGE);
  }

  @Test
  void rejectsDescriptorExpandingBeyondItsDeclaredSize() throws Exception {
    Path file = Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").writeTo(dir.resolve("l.pack"));
    declareSize(file, "Keil.STM32G4xx_DFP.pdsc", 100);
    assertThatThrownBy(() -> PackArchive.inspect(file, "l", LIMITS))
        .isInstanceOfSatisfying(InvalidPackException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
          assertThat(e.entry()).contains("Keil.STM32G4xx_DFP.pdsc");
        });
  }

  /** Rewrites the uncompressed size the central directory declares for {@code entry}, as a lying archive would. */
  private static void declareSize(Path zip, String entry, int size) throws IOException {
    java.nio.ByteBuffer all = java.nio.ByteBuffer.wrap(Files.readAllBytes(zip)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    byte[] name = entry.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int at = 0; at + 46 + name.length <= all.capacity(); at++) {
      if (all.getInt(at) == 0x02014b50 && all.getShort(at + 28) == name.length
          && Arrays.equals(Arrays.copyOfRange(all.array(), at + 46, at + 46 + name.length), name)) {
        all.putInt(at + 24, size);
        Files.write(zip, all.array());
        return;
      }
    }
    throw new AssertionError("no central directory record for " + entry);
  }

  @Test
  void rejectsTruncatedArchive() throws Exception {
    Path file = Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").writeTo(dir.resolve("t.pack"));
    byte[] all = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> PackArchive.inspect(file, "t", LIMITS))
        .isInstanceOf(InvalidPackException.class)
        .extracting(e -> ((InvalidPackException) e).problem())
        .isEqualTo(Problem.NOT_A_ZIP);
  }

  @Test
  void rejectsZipBombSplitOverManySmallEntries() throws Exception {
    // The attack's shape, scaled down: entries of exactly 1 MiB of zeros never reached the per-entry ratio check.
    Fixtures.Zip zip = Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc");
    byte[] mib = new byte[1 << 20];
    for (int i = 0; i < 100; i++) {
      zip.file("Bomb/part" + i + ".bin", mib);
    }
    Path file = zip.writeTo(dir.resolve("bomb.pack"));
    assertThatThrownBy(() -> PackArchive.inspect(file, "bomb", LIMITS))
        .isInstanceOfSatisfying(InvalidPackException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.SUSPICIOUS_RATIO);
          assertThat(e.entry()).isEmpty();
          assertThat(e.getMessage()).contains("the whole archive expands from", "to 1049").contains("ratio above 200");
        });
  }

  @Test
  void rejectsAFileAndAFolderOfTheSameName() throws Exception {
    // Extraction used to fail half-way with "not a zip" when 'Flash' was a file and 'Flash/x' an entry.
    assertThat(problemOf(Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").file("Docs", "a file").file("Docs/inside.txt", "x"), LIMITS))
        .isEqualTo(Problem.CONFLICTING_ENTRIES);
  }

  @Test
  void rejectsTheSameFileTwice() throws Exception {
    Path file = Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").writeTo(dir.resolve("twice.pack"));
    // Fixtures.Zip keys entries by name, so the duplicate is written by hand after the others.
    Path twice = dir.resolve("dup.pack");
    try (var in = org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(file).get();
        var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(twice)) {
      for (var entry : java.util.Collections.list(in.getEntries())) {
        out.addRawArchiveEntry(entry, in.getRawInputStream(entry));
      }
      out.addRawArchiveEntry(in.getEntry("Documents/readme.txt"), in.getRawInputStream(in.getEntry("Documents/readme.txt")));
    }
    assertThatThrownBy(() -> PackArchive.inspect(twice, "dup", LIMITS))
        .isInstanceOfSatisfying(InvalidPackException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.CONFLICTING_ENTRIES);
          assertThat(e.entry()).contains("Documents/readme.txt");
        });
  }

  @Test
  void rejectsANameTooLongForFileSystems() throws Exception {
    // 300 bytes in one segment: ext4, APFS and NTFS all stop at 255.
    String name = "Docs/" + "n".repeat(300) + ".txt";
    assertThatThrownBy(() -> PackArchive.inspect(Fixtures.packOf(PDSC, "Keil.STM32G4xx_DFP.pdsc").file(name, "x")
            .writeTo(dir.resolve("long.pack")), "long", LIMITS))
        .isInstanceOfSatisfying(InvalidPackException.class, e -> {
          assertThat(e.problem()).isEqualTo(Problem.NAME_TOO_LONG);
          assertThat(e.getMessage()).contains("a name of 304 bytes; file systems allow 255");
        });
  }
}
