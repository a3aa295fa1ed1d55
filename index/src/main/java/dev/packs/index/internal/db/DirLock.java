package dev.packs.index.internal.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * A cross-process lock on a folder through {@code FileChannel} locks on its {@code lock} file:
 * shared for readers, exclusive for writers. An exclusive holder writes who it is into {@code
 * lock.holder} so that a waiter that gives up can name it.
 */
public final class DirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Waits up to {@code timeout} for the lock.
   *
   * @return empty when the timeout passed; {@link #holder} then says who holds it
   */
  public static Optional<DirLock> acquire(Path dir, boolean exclusive, Duration timeout)
      throws IOException {
    Files.createDirectories(dir);
    FileChannel ch =
        FileChannel.open(
            dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        FileLock l = tryLock(ch, !exclusive);
        if (l != null) {
          if (exclusive) {
            Files.writeString(
                dir.resolve("lock.holder"),
                "process " + ProcessHandle.current().pid() + " since " + java.time.Instant.now(),
                StandardCharsets.UTF_8);
          }
          return Optional.of(new DirLock(ch, l));
        }
        if (System.nanoTime() > deadline) {
          ch.close();
          return Optional.empty();
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ch.close();
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel ch, boolean shared) throws IOException {
    try {
      return ch.tryLock(0, Long.MAX_VALUE, shared);
    } catch (OverlappingFileLockException e) {
      return null; // held by another thread of this process: wait like for another process
    }
  }

  /** Who last took the lock exclusively, for messages. */
  public static String holder(Path dir) {
    try {
      return Files.readString(dir.resolve("lock.holder"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "another process";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
