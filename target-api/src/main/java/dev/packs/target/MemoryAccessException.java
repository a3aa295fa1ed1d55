package dev.packs.target;

/** A debugger read or write of target memory failed, for example because nothing is mapped there. */
public final class MemoryAccessException extends TargetException {
  private static final long serialVersionUID = 1L;

  private final long address;
  private final boolean write;

  public MemoryAccessException(long address, boolean write, String detail, Throwable cause) {
    super(String.format("memory %s failed at 0x%08X%s", write ? "write" : "read",
        Addresses.check(address), detail.isEmpty() ? "" : " (" + detail + ")"), cause);
    this.address = address;
    this.write = write;
  }

  /** The first address that could not be accessed. */
  public long address() {
    return address;
  }

  public boolean isWrite() {
    return write;
  }
}
