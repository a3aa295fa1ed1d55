package dev.packs.flm;

/** An algorithm does not fit in the RAM window it was given; the message lists every size. */
public final class PlacementException extends FlmException {
  private final String source;
  private final RamWindow ram;
  private final long needed;

  public PlacementException(
      String source, RamWindow ram, long needed, long blob, long pageBuffer, long minStack) {
    super(
        String.format(
            "%s: flash algorithm does not fit in %s: it needs %d bytes (%d code and data + %d page"
                + " buffer + %d stack + %d trampoline and alignment)",
            source, ram, needed, blob, pageBuffer, minStack, needed - blob - pageBuffer - minStack));
    this.source = source;
    this.ram = ram;
    this.needed = needed;
  }

  public String source() {
    return source;
  }

  public RamWindow ram() {
    return ram;
  }

  /** The smallest window size, from the same start, that would fit. */
  public long needed() {
    return needed;
  }
}
