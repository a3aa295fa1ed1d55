package dev.packs.flash;

/** The operation a flash algorithm's {@code Init} prepares for, passed in r2 (CMSIS {@code fnc}). */
public enum Operation {
  ERASE(1),
  PROGRAM(2),
  VERIFY(3);

  private final int code;

  Operation(int code) {
    this.code = code;
  }

  /** The value {@code Init} and {@code UnInit} take. */
  public int code() {
    return code;
  }
}
