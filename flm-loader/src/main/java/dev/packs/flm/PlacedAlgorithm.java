package dev.packs.flm;

import java.util.List;
import java.util.Objects;

/**
 * A flash algorithm laid out in target RAM by {@link AlgorithmPlacer#place}. From low to high
 * addresses: a one-word breakpoint trampoline at {@code loadAddress}, the blob at {@code codeStart},
 * one or two page buffers, then the stack, whose lowest word ({@code stackBottom}) holds {@link
 * #STACK_CANARY} and which grows down from {@code stackTop}.
 *
 * @param algorithm the algorithm placed
 * @param ram the window it was placed in
 * @param loadAddress the trampoline ({@code bkpt #0; b .-2}); LR = {@code loadAddress | 1} on every call
 * @param codeStart where the blob starts; 8-byte aligned
 * @param entryPoints absolute addresses of the functions, Thumb bit kept
 * @param staticBase the value for r9
 * @param pageBuffers one or two buffers of {@code pageBufferSize} bytes; two means double-buffering
 * @param pageBufferSize the size of each buffer: the device page size rounded up to 4
 * @param stackBottom the lowest stack word, which holds the canary
 * @param stackTop the initial SP; 8-byte aligned
 */
public record PlacedAlgorithm(
    FlashAlgorithm algorithm,
    RamWindow ram,
    long loadAddress,
    long codeStart,
    EntryPoints entryPoints,
    long staticBase,
    List<Long> pageBuffers,
    long pageBufferSize,
    long stackBottom,
    long stackTop) {
  /** {@code bkpt #0} (0xBE00) then {@code b .-2} (0xE7FD): a returning function halts on the BKPT. */
  public static final long TRAMPOLINE = 0xE7FD_BE00L;

  /** Written at {@link #stackBottom()} before a call and checked after; a change means overflow. */
  public static final long STACK_CANARY = 0x5AC3_C0DEL;

  public PlacedAlgorithm {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(ram, "ram");
    Objects.requireNonNull(entryPoints, "entryPoints");
    pageBuffers = List.copyOf(pageBuffers);
    if (pageBuffers.isEmpty() || pageBuffers.size() > 2) {
      throw new IllegalArgumentException("one or two page buffers, not " + pageBuffers.size());
    }
    if (loadAddress < ram.start() || stackTop > ram.end() || stackBottom >= stackTop) {
      throw new IllegalArgumentException("layout outside " + ram);
    }
  }

  public long stackSize() {
    return stackTop - stackBottom;
  }

  public boolean doubleBuffered() {
    return pageBuffers.size() == 2;
  }

  /** The bytes to write at {@code loadAddress}: the trampoline word, then the blob. */
  public Blob image() {
    Blob blob = algorithm.blob();
    byte[] image = new byte[(int) (codeStart - loadAddress) + blob.size()];
    for (int i = 0; i < 4; i++) {
      image[i] = (byte) (TRAMPOLINE >>> (8 * i));
    }
    byte[] code = blob.toByteArray();
    System.arraycopy(code, 0, image, (int) (codeStart - loadAddress), code.length);
    return Blob.of(image);
  }
}
