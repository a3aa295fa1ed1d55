package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operating system's own errors, classified where packs turns them into messages. A full disk
 * cannot be made without root (no tmpfs in a test), so ENOSPC comes from /dev/full, which fails
 * every write exactly as a full disk does; extraction and downloads wrap their write errors in
 * {@link CacheIoException}, so this is the boundary they share.
 */
class CacheIoExceptionTest {
  @TempDir Path dir;

  @Test
  void aFullDiskIsCalledThat() {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full on this system");
    IOException enospc = catchThrowableOfType(IOException.class, () -> {
      try (OutputStream out = Files.newOutputStream(full)) {
        out.write(new byte[4096]);
      }
    });
    CacheIoException e = new CacheIoException(dir.resolve("Keil/STM32G4xx_DFP/1.1.0/big.bin"), enospc);
    assertThat(e.reason()).isEqualTo(CacheIoException.Reason.DISK_FULL);
    assertThat(e.getMessage()).startsWith("disk full: no space left to write " + dir.resolve("Keil/STM32G4xx_DFP/1.1.0/big.bin"));
  }

  @Test
  void aNameTooLongForTheFileSystemIsCalledThat() {
    // 300 bytes in one name: beyond the 255 every common file system allows.
    Path tooLong = dir.resolve("n".repeat(300));
    IOException enametoolong = catchThrowableOfType(IOException.class, () -> Files.createFile(tooLong));
    CacheIoException e = new CacheIoException(tooLong, enametoolong);
    assertThat(e.reason()).isEqualTo(CacheIoException.Reason.NAME_TOO_LONG);
    assertThat(e.getMessage()).isEqualTo("name too long for the file system: " + tooLong);
  }

  @Test
  void anyOtherErrorKeepsTheSystemsWords() {
    Path missing = dir.resolve("no/such/folder/file");
    IOException enoent = catchThrowableOfType(IOException.class, () -> Files.createFile(missing));
    CacheIoException e = new CacheIoException(missing, enoent);
    assertThat(e.reason()).isEqualTo(CacheIoException.Reason.IO);
    assertThat(e.getMessage()).startsWith("I/O error on " + missing + ": java.nio.file.NoSuchFileException");
  }
}
