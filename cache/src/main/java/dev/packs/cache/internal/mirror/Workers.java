package dev.packs.cache.internal.mirror;

import dev.packs.cache.CacheIoException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** A bounded pool of daemon threads that runs a batch of tasks and reports each one done. */
final class Workers implements AutoCloseable {
  /** One task; it records its own failures, so it throws nothing checked. */
  interface Task<T> {
    T run();
  }

  /** Called after each task with the count done so far. */
  interface Progress {
    void done(int done, int total);
  }

  private final ExecutorService pool;

  Workers(int threads) {
    pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "packs-mirror");
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs every task and returns their results in order. */
  <T> List<T> all(List<Task<T>> tasks, Progress progress) throws CacheIoException {
    AtomicInteger done = new AtomicInteger();
    List<Future<T>> futures = new ArrayList<>();
    for (Task<T> task : tasks) {
      futures.add(pool.submit(() -> {
        try {
          return task.run();
        } finally {
          progress.done(done.incrementAndGet(), tasks.size());
        }
      }));
    }
    List<T> results = new ArrayList<>();
    try {
      for (Future<T> f : futures) {
        results.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CacheIoException(Path.of("."), new InterruptedIOException("mirror interrupted"));
    } catch (ExecutionException e) {
      throw new IllegalStateException("mirror task failed unexpectedly", e.getCause());
    }
    return results;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
