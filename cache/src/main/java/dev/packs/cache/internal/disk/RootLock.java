package dev.packs.cache.internal.disk;

import dev.packs.cache.CacheIoException;
import dev.packs.cache.CacheListener;
import dev.packs.cache.LockTimeoutException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inter-process lock of a pack root, and the only class of packs that takes {@code FileChannel}
 * locks: an OS file lock on {@code .packs/lock}, exclusive for changes and shared for reads. The
 * exclusive holder writes who it is to {@code .packs/lock.owner} so that a waiting process can say
 * what it waits for. The OS drops the lock when a holder dies, even by SIGKILL.
 *
 * <p>The lock is reentrant for the thread that holds it: an install that holds it exclusively can
 * update the device database, which takes it again, without deadlocking on itself. A thread that
 * holds it shared cannot take it exclusively (that would be an upgrade, which OS locks cannot do
 * safely); that is a bug in the caller and fails at once. Other threads of the same JVM wait like
 * other processes.
 */
public final class RootLock implements AutoCloseable {
  /** Shared for reading the root, exclusive for changing it. */
  public enum Mode {
    SHARED,
    EXCLUSIVE
  }

  private static final long POLL_MILLIS = 50;
  private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

  /** One OS lock held by one thread, and how many nested {@link RootLock}s share it. */
  private static final class Held {
    final Thread owner = Thread.currentThread();
    final Mode mode;
    final FileChannel channel;
    final FileLock lock;
    final Path ownerFile;
    int depth = 1;

    Held(Mode mode, FileChannel channel, FileLock lock, Path ownerFile) {
      this.mode = mode;
      this.channel = channel;
      this.lock = lock;
      this.ownerFile = ownerFile;
    }
  }

  private final Path lockFile;
  private final Held held;
  private final boolean outermost;
  private boolean closed;

  private RootLock(Path lockFile, Held held) {
    this.lockFile = lockFile;
    this.held = held;
    this.outermost = held.depth == 1;
  }

  /** True when this took the OS lock, false when it nests inside a hold of the same thread. */
  public boolean outermost() {
    return outermost;
  }

  /**
   * Takes the lock, waiting up to {@code timeout}. {@code purpose} describes this process to waiters,
   * for example {@code install Keil.STM32G4xx_DFP}.
   */
  public static RootLock acquire(
      Path stateDir, Mode mode, String purpose, Duration timeout, Clock clock, CacheListener listener)
      throws LockTimeoutException, CacheIoException {
    Path lockFile = stateDir.toAbsolutePath().normalize().resolve("lock");
    Held mine = HELD.get(lockFile);
    if (mine != null && mine.owner == Thread.currentThread()) {
      if (mode == Mode.EXCLUSIVE && mine.mode == Mode.SHARED) {
        throw new IllegalStateException("cannot upgrade a shared lock on " + lockFile + " to exclusive");
      }
      mine.depth++;
      return new RootLock(lockFile, mine);
    }
    Path ownerFile = lockFile.resolveSibling("lock.owner");
    FileChannel channel = open(lockFile);
    Instant deadline = clock.instant().plus(timeout);
    boolean told = false;
    try {
      while (true) {
        FileLock lock = tryLock(channel, mode);
        if (lock != null) {
          if (mode == Mode.EXCLUSIVE) {
            writeOwner(ownerFile, purpose, clock);
          }
          Held held = new Held(mode, channel, lock, mode == Mode.EXCLUSIVE ? ownerFile : null);
          HELD.put(lockFile, held);
          return new RootLock(lockFile, held);
        }
        String holder = holder(ownerFile);
        if (!told) {
          listener.waitingForLock(lockFile, holder);
          told = true;
        }
        if (clock.instant().isAfter(deadline)) {
          throw new LockTimeoutException(lockFile, holder, timeout);
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(channel);
      throw new LockTimeoutException(lockFile, "interrupted while waiting", timeout);
    } catch (LockTimeoutException | RuntimeException e) {
      closeQuietly(channel);
      throw e;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new CacheIoException(lockFile, e);
    }
  }

  private static FileChannel open(Path lockFile) throws CacheIoException {
    try {
      Files.createDirectories(lockFile.getParent());
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new CacheIoException(lockFile, e);
    }
  }

  private static FileLock tryLock(FileChannel channel, Mode mode) throws IOException {
    try {
      return channel.tryLock(0, Long.MAX_VALUE, mode == Mode.SHARED);
    } catch (OverlappingFileLockException e) {
      // Another thread of this JVM holds it; wait as for another process.
      return null;
    }
  }

  private static void writeOwner(Path ownerFile, String purpose, Clock clock) throws IOException {
    String text = "pid " + ProcessHandle.current().pid() + " (" + purpose + ") since " + clock.instant();
    Files.writeString(ownerFile, text, StandardCharsets.UTF_8);
  }

  private static String holder(Path ownerFile) {
    try {
      String text = Files.readString(ownerFile, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "another packs process" : text;
    } catch (IOException e) {
      return "another packs process";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing a lock file we failed to lock; nothing to undo.
    }
  }

  @Override
  public void close() throws CacheIoException {
    if (closed) {
      return;
    }
    closed = true;
    if (--held.depth > 0) {
      return;
    }
    HELD.remove(lockFile, held);
    try {
      if (held.ownerFile != null) {
        Files.deleteIfExists(held.ownerFile);
      }
      held.lock.release();
      held.channel.close();
    } catch (IOException e) {
      throw new CacheIoException(held.ownerFile == null ? lockFile : held.ownerFile, e);
    }
  }
}
