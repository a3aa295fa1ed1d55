package dev.packs.flm;

import java.util.List;

/**
 * Lays out a flash algorithm in a RAM window, as a pure function of the two. From the bottom: the
 * trampoline word, the blob (8-byte aligned), page buffers (16-byte aligned), then the stack up to the
 * window's top. Two page buffers are used when the stack still gets {@link #MIN_DOUBLE_BUFFER_STACK}
 * bytes; one when it gets {@link #MIN_STACK}; otherwise the algorithm does not fit.
 */
public final class AlgorithmPlacer {
  /** The smallest stack for a single page buffer. */
  public static final long MIN_STACK = 256;
  /** The smallest stack for double-buffering; a second buffer never squeezes the stack below this. */
  public static final long MIN_DOUBLE_BUFFER_STACK = 512;

  static final long CODE_ALIGN = 8;
  static final long BUFFER_ALIGN = 16;
  static final long STACK_ALIGN = 8;

  private AlgorithmPlacer() {}

  /**
   * Places {@code algorithm} in {@code ram}.
   *
   * @throws PlacementException if even one page buffer and the minimum stack do not fit
   */
  public static PlacedAlgorithm place(FlashAlgorithm algorithm, RamWindow ram) {
    long loadAddress = alignUp(ram.start() + 4, CODE_ALIGN) - 4;
    long codeStart = loadAddress + 4;
    long blobEnd = codeStart + algorithm.blob().size();
    long pageBufferSize = alignUp(Math.max(algorithm.device().pageSize(), 4), 4);
    long stackTop = alignDown(ram.end(), STACK_ALIGN);

    long buffer1 = alignUp(blobEnd, BUFFER_ALIGN);
    long buffer2 = alignUp(buffer1 + pageBufferSize, BUFFER_ALIGN);
    long doubleStackBottom = alignUp(buffer2 + pageBufferSize, STACK_ALIGN);
    if (stackTop - doubleStackBottom >= MIN_DOUBLE_BUFFER_STACK) {
      return placed(algorithm, ram, loadAddress, List.of(buffer1, buffer2), pageBufferSize,
          doubleStackBottom, stackTop);
    }
    long singleStackBottom = alignUp(buffer1 + pageBufferSize, STACK_ALIGN);
    if (stackTop - singleStackBottom >= MIN_STACK) {
      return placed(algorithm, ram, loadAddress, List.of(buffer1), pageBufferSize,
          singleStackBottom, stackTop);
    }
    long needed = singleStackBottom + MIN_STACK - ram.start();
    throw new PlacementException(
        algorithm.source(), ram, needed, algorithm.blob().size(), pageBufferSize, MIN_STACK);
  }

  private static PlacedAlgorithm placed(FlashAlgorithm algorithm, RamWindow ram, long loadAddress,
      List<Long> buffers, long pageBufferSize, long stackBottom, long stackTop) {
    long codeStart = loadAddress + 4;
    return new PlacedAlgorithm(
        algorithm,
        ram,
        loadAddress,
        codeStart,
        algorithm.entryPoints().offsetBy(codeStart),
        codeStart + algorithm.staticBase(),
        buffers,
        pageBufferSize,
        stackBottom,
        stackTop);
  }

  static long alignUp(long value, long alignment) {
    return (value + alignment - 1) / alignment * alignment;
  }

  static long alignDown(long value, long alignment) {
    return value / alignment * alignment;
  }
}
