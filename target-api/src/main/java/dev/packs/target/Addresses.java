package dev.packs.target;

/** Checks that a {@code long} holds a 32-bit target address. */
final class Addresses {
  private Addresses() {}

  static long check(long address) {
    if (address < 0 || address > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not a 32-bit address: " + address);
    }
    return address;
  }

  static void checkRange(long address, int length) {
    check(address);
    if (length < 0 || address + length > 0x1_0000_0000L) {
      throw new IllegalArgumentException(
          String.format("range at 0x%08X of %d bytes leaves the address space", address, length));
    }
  }
}
