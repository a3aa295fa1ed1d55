package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.ArrayReader;
import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A 16-bit parallel NOR flash with the AMD/JEDEC command set (Micron M29EW, Spansion S29GL and
 * their kind) behind a memory controller bank: unlock cycles 0xAA at word 0x555 and 0x55 at word
 * 0x2AA, then 0xA0 programs the next half-word, 0x80 plus a second unlock and 0x30 at a sector
 * erases that sector (0x10 at 0x555: the chip), 0xF0 returns to reading the array. While an
 * operation runs, reads answer status instead of data: DQ6 toggles on every read and DQ7 shows the
 * complement of the data being programmed, for a few reads; then the array reads again. A program
 * that would need a bit set from 0 to 1 fails with DQ5 and the chip stays in status mode until 0xF0.
 */
public final class ParallelNorFlash extends ControllerBase implements ArrayReader {
  static final int DQ5 = 1 << 5;
  static final int DQ6 = 1 << 6;
  static final int DQ7 = 1 << 7;

  private enum State {
    READ,
    UNLOCKED1,
    UNLOCKED2,
    PROGRAM,
    ERASE_SETUP,
    ERASE_UNLOCKED1,
    ERASE_UNLOCKED2,
    BUSY,
    FAILED
  }

  private final BooleanSupplier enabled;
  private final String bankName;
  private final int busyReads;
  private State state = State.READ;
  private int readsLeft;
  private int toggle;
  private int programmedDq7;

  /**
   * {@code enabled} tells whether the memory controller serves the bank (for example
   * FMC_BCR1.MBKEN); {@code bankName} names that bit for the fault when it does not.
   */
  public ParallelNorFlash(FlashArray array, BooleanSupplier enabled, String bankName,
      int busyPolls) {
    super("NOR", array.start(), array.size(), array, Map.of(), busyPolls);
    this.enabled = enabled;
    this.bankName = bankName;
    this.busyReads = Math.max(2, busyPolls + 1);
  }

  @Override
  public void reset() {
    state = State.READ;
    readsLeft = 0;
  }

  @Override
  public Optional<String> registerName(int offset) {
    return Optional.of(state == State.READ ? "NOR array" : "NOR status (toggle bits)");
  }

  private void requireEnabled(int offset, boolean write) {
    if (!enabled.getAsBoolean()) {
      throw new BusFault(BusFault.Kind.UNMAPPED, array().start() + offset, write,
          "the memory controller does not serve this bank yet: " + bankName + " is clear");
    }
  }

  @Override
  public int read(int offset, int size) {
    return readArray(offset, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    writeArray(array(), offset, size, value);
  }

  @Override
  public int readArray(int offset, int size) {
    requireEnabled(offset, false);
    if (state == State.BUSY || state == State.FAILED) {
      toggle ^= DQ6;
      int status = toggle | (state == State.FAILED ? DQ5 : 0) | programmedDq7;
      if (state == State.BUSY && --readsLeft <= 0) {
        state = State.READ;
      }
      return size == 1 ? status & 0xFF : status;
    }
    return array().read(offset, size);
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    requireEnabled(offset, true);
    int word = (offset >>> 1) & 0x7FF;
    int data = value & 0xFF;
    if (data == 0xF0 && state != State.PROGRAM) {
      state = State.READ;
      return;
    }
    switch (state) {
      case READ -> state = word == 0x555 && data == 0xAA ? State.UNLOCKED1 : State.READ;
      case UNLOCKED1 -> state = word == 0x2AA && data == 0x55 ? State.UNLOCKED2 : State.READ;
      case UNLOCKED2 -> state = word != 0x555 ? State.READ
          : data == 0xA0 ? State.PROGRAM : data == 0x80 ? State.ERASE_SETUP : State.READ;
      case PROGRAM -> program(offset, size, value);
      case ERASE_SETUP -> state = word == 0x555 && data == 0xAA ? State.ERASE_UNLOCKED1
          : State.READ;
      case ERASE_UNLOCKED1 -> state = word == 0x2AA && data == 0x55 ? State.ERASE_UNLOCKED2
          : State.READ;
      case ERASE_UNLOCKED2 -> erase(offset, word, data);
      case BUSY, FAILED -> { }
    }
  }

  private void program(int offset, int size, int value) {
    if (size != 2 || (offset & 1) != 0) {
      throw new BusFault(BusFault.Kind.BAD_SIZE, array().start() + offset, true,
          "this NOR flash programs aligned half-words");
    }
    programmedDq7 = ~value & DQ7;
    if (!array().canProgram(offset, 2, value)) {
      state = State.FAILED;
      return;
    }
    array().program(offset, 2, value);
    startStatus();
  }

  private void erase(int offset, int word, int data) {
    programmedDq7 = 0;
    if (data == 0x30) {
      array().eraseSectorAt(offset);
      startStatus();
    } else if (data == 0x10 && word == 0x555) {
      array().eraseAll();
      startStatus();
    } else {
      state = State.READ;
    }
  }

  private void startStatus() {
    state = State.BUSY;
    readsLeft = busyReads;
  }
}
