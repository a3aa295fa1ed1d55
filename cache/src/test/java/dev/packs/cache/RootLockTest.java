package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.cache.internal.disk.RootLock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootLockTest {
  @TempDir Path state;

  @Test
  void waiterIsToldWhoHoldsTheLockThenGetsIt() throws Exception {
    CopyOnWriteArrayList<String> told = new CopyOnWriteArrayList<>();
    CountDownLatch waiting = new CountDownLatch(1);
    CacheListener listener = new CacheListener() {
      @Override
      public void waitingForLock(Path lockFile, String holder) {
        told.add(holder);
        waiting.countDown();
      }
    };
    RootLock held = RootLock.acquire(state, RootLock.Mode.EXCLUSIVE, "install Keil.STM32G4xx_DFP", Duration.ofSeconds(5), Clock.systemUTC(), CacheListener.NONE);
    CompletableFuture<RootLock> waiter = CompletableFuture.supplyAsync(() -> {
      try {
        return RootLock.acquire(state, RootLock.Mode.SHARED, "list", Duration.ofSeconds(5), Clock.systemUTC(), listener);
      } catch (CacheException e) {
        throw new IllegalStateException(e);
      }
    });
    // Wait until the waiter has really tried and been refused: a fixed sleep raced a slow pool thread.
    assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(waiter).isNotDone();
    held.close();
    waiter.get(5, TimeUnit.SECONDS).close();
    assertThat(told).singleElement().asString().contains("install Keil.STM32G4xx_DFP").contains("pid " + ProcessHandle.current().pid());
  }

  @Test
  void timesOutNamingTheHolder() throws Exception {
    try (RootLock held = RootLock.acquire(state, RootLock.Mode.EXCLUSIVE, "update-index", Duration.ofSeconds(5), Clock.systemUTC(), CacheListener.NONE)) {
      // Another thread stands for another process: the holding thread itself may re-enter.
      CompletableFuture<RootLock> other = CompletableFuture.supplyAsync(() -> {
        try {
          return RootLock.acquire(state, RootLock.Mode.EXCLUSIVE, "rm", Duration.ofMillis(200), Clock.systemUTC(), CacheListener.NONE);
        } catch (CacheException e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      assertThatThrownBy(() -> other.get(10, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(LockTimeoutException.class, e -> {
            assertThat(e.holder()).contains("update-index");
            assertThat(e.lockFile()).isEqualTo(state.resolve("lock"));
          });
    }
  }

  @Test
  void theHoldingThreadReentersAndTheLockLastsUntilTheOutermostClose() throws Exception {
    // An install holds the lock exclusively and then updates the device database, which locks again.
    RootLock outer = RootLock.acquire(state, RootLock.Mode.EXCLUSIVE, "install", Duration.ofSeconds(5), Clock.systemUTC(), CacheListener.NONE);
    RootLock inner = RootLock.acquire(state, RootLock.Mode.SHARED, "read", Duration.ofMillis(100), Clock.systemUTC(), CacheListener.NONE);
    inner.close();
    CompletableFuture<Boolean> otherWhileHeld = CompletableFuture.supplyAsync(() -> tryFromAnotherThread());
    assertThat(otherWhileHeld.get(10, TimeUnit.SECONDS)).as("still held after the inner close").isFalse();
    outer.close();
    assertThat(CompletableFuture.supplyAsync(() -> tryFromAnotherThread()).get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aSharedHolderCannotUpgradeToExclusive() throws Exception {
    try (RootLock shared = RootLock.acquire(state, RootLock.Mode.SHARED, "list", Duration.ofSeconds(5), Clock.systemUTC(), CacheListener.NONE)) {
      assertThatThrownBy(() -> RootLock.acquire(state, RootLock.Mode.EXCLUSIVE, "install", Duration.ofMillis(100), Clock.systemUTC(), CacheListener.NONE))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("upgrade");
    }
  }

  private boolean tryFromAnotherThread() {
    try (RootLock l = RootLock.acquire(state, RootLock.Mode.EXCLUSIVE, "other", Duration.ofMillis(150), Clock.systemUTC(), CacheListener.NONE)) {
      return true;
    } catch (LockTimeoutException e) {
      return false;
    } catch (CacheException e) {
      throw new IllegalStateException(e);
    }
  }
}
