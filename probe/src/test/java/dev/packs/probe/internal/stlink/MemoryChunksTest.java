package dev.packs.probe.internal.stlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.probe.internal.stlink.MemoryChunks.Chunk;
import org.junit.jupiter.api.Test;

class MemoryChunksTest {
  @Test
  void splitsUnalignedDataIntoByteHeadWordBodyByteTail() {
    assertThat(MemoryChunks.plan(0x2000_0003L, 9, 0x400, 6144, 64)).containsExactly(
        new Chunk(0x2000_0003L, 0, 1, false),
        new Chunk(0x2000_0004L, 1, 8, true));
    assertThat(MemoryChunks.plan(0x2000_0001L, 10, 0x400, 6144, 64)).containsExactly(
        new Chunk(0x2000_0001L, 0, 3, false),
        new Chunk(0x2000_0004L, 3, 4, true),
        new Chunk(0x2000_0008L, 7, 3, false));
  }

  @Test
  void keepsShortRunsInsideOneWordAsBytes() {
    assertThat(MemoryChunks.plan(0x2000_0005L, 2, 0x400, 6144, 64))
        .containsExactly(new Chunk(0x2000_0005L, 0, 2, false));
  }

  @Test
  void neverCrossesTheAutoIncrementWindow() {
    // 6 KiB from 0x20000800 with the M4's 4 KiB window: up to 0x20001000, then up to 0x20002000.
    assertThat(MemoryChunks.plan(0x2000_0800L, 0x1800, 0x1000, 6144, 64)).containsExactly(
        new Chunk(0x2000_0800L, 0, 0x800, true),
        new Chunk(0x2000_1000L, 0x800, 0x1000, true));
  }

  @Test
  void respectsTheFirmwareLimitsPerCommand() {
    // With a window wider than the limit, 6144 bytes per command split a 16 KiB run.
    assertThat(MemoryChunks.plan(0, 0x4000, 0x10000, 6144, 64)).extracting(Chunk::length)
        .containsExactly(6144, 6144, 0x4000 - 2 * 6144);
    assertThat(MemoryChunks.plan(0x3F, 130, 0x400, 6144, 64).get(0))
        .isEqualTo(new Chunk(0x3F, 0, 1, false));
  }

  @Test
  void splitsLongByteRunsAtTheEightBitLimit() {
    // Only the head and tail are bytes, so force a long byte run through the limit of 2.
    assertThat(MemoryChunks.plan(0x2000_0001L, 3, 0x400, 4, 2)).containsExactly(
        new Chunk(0x2000_0001L, 0, 2, false),
        new Chunk(0x2000_0003L, 2, 1, false));
  }

  @Test
  void plansNothingForNothing() {
    assertThat(MemoryChunks.plan(0x2000_0000L, 0, 0x400, 6144, 64)).isEmpty();
  }
}
