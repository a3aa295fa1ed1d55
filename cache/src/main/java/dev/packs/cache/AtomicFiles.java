package dev.packs.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;

/**
 * The one way packs writes a file that others read: a {@code .part} sibling unique to the writer, then
 * one atomic move, so a reader never sees half a file and a crash leaves only a {@code .part} behind.
 * Used for everything under the pack root and for the project's {@code packs.yaml} and {@code packs.lock}.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** The names {@link #partFor} makes: {@code name.<8 hex digits>.part}. */
  private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile(".+\\.[0-9a-f]{8}\\.part");

  /** A fresh {@code .part} path next to {@code target}, unique to this writer. */
  public static Path partFor(Path target) {
    return target.resolveSibling(target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".part");
  }

  /** True for a name {@link #partFor} made. */
  public static boolean isPart(Path file) {
    return PART.matcher(file.getFileName().toString()).matches();
  }

  /**
   * Deletes the {@code .part} files of our own naming directly in {@code dir}: what writers killed
   * mid-write left behind. Only call this while holding the lock every writer of {@code dir} takes
   * (the pack root's exclusive lock), so that no live writer's file goes. Other tools' files stay.
   *
   * @return how many were deleted
   */
  public static int deleteStaleParts(Path dir) {
    int deleted = 0;
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (isPart(f) && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          deleteQuietly(f);
          deleted += Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? 0 : 1;
        }
      }
    } catch (IOException e) {
      // No such folder, or unreadable: nothing of ours to clean there.
    }
    return deleted;
  }

  /** Moves {@code part} over {@code target} atomically. */
  public static void commit(Path part, Path target) throws CacheIoException {
    try {
      Files.createDirectories(target.getParent());
      try {
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CacheIoException(target, e);
    }
  }

  /** Writes a binary body through a buffered {@link java.io.DataOutputStream}, then moves it into place. */
  public interface DataBody {
    void write(java.io.DataOutputStream out) throws IOException;
  }

  public static void writeData(Path target, DataBody body) throws CacheIoException {
    Path part = partFor(target);
    try {
      Files.createDirectories(target.getParent());
      try (java.io.DataOutputStream out = new java.io.DataOutputStream(
          new java.io.BufferedOutputStream(Files.newOutputStream(part), 1 << 16))) {
        body.write(out);
      }
    } catch (IOException e) {
      deleteQuietly(part);
      throw new CacheIoException(target, e);
    }
    commit(part, target);
  }

  public static void writeString(Path target, String text) throws CacheIoException {
    writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
  }

  public static void writeBytes(Path target, byte[] bytes) throws CacheIoException {
    Path part = partFor(target);
    try {
      Files.createDirectories(target.getParent());
      Files.write(part, bytes);
    } catch (IOException e) {
      deleteQuietly(part);
      throw new CacheIoException(target, e);
    }
    commit(part, target);
  }

  /** Creates {@code file} or updates its modification time, so other tools notice a change. */
  public static void touch(Path file, Instant now) throws CacheIoException {
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
      Files.setLastModifiedTime(file, FileTime.from(now));
    } catch (IOException e) {
      throw new CacheIoException(file, e);
    }
  }

  public static void deleteQuietly(Path path) {
    try {
      deleteTree(path);
    } catch (IOException e) {
      // Left for the next run's clean-up; nothing depends on it being gone now.
    }
  }

  /** Deletes a file or a whole folder tree, not following symlinks. */
  public static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
