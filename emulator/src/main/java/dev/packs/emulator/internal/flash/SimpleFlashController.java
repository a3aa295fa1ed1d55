package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import java.util.Map;

/**
 * The PACKS simple flash controller (SFC) that our own C test algorithms drive; its register
 * specification is {@code test-algorithms/SFC.md}.
 */
public final class SimpleFlashController extends ControllerBase {
  public static final int DEFAULT_BASE = 0x4002_2000;
  static final int KEYR = 0x00;
  static final int CR = 0x04;
  static final int AR = 0x08;
  static final int SR = 0x0C;
  static final int KEY1 = 0x4567_0123;
  static final int KEY2 = 0xCDEF_89AB;
  static final int CR_PG = 1;
  static final int CR_SER = 1 << 1;
  static final int CR_MER = 1 << 2;
  static final int CR_STRT = 1 << 16;
  static final int CR_LOCK = 1 << 31;
  static final int SR_BSY = 1;
  static final int SR_EOP = 1 << 1;
  static final int SR_PGERR = 1 << 2;
  static final int SR_WRPERR = 1 << 3;
  static final int SR_ADDRERR = 1 << 4;
  static final int SR_KEYERR = 1 << 5;
  private static final int SR_CLEARABLE = 0x3E;

  private int cr;
  private int sr;
  private int ar;
  private boolean key1Seen;
  private boolean keysRefused;

  public SimpleFlashController(int base, FlashArray array, int busyPolls) {
    super("SFC", base, 0x400, array, Map.of(KEYR, "KEYR", CR, "CR", AR, "AR", SR, "SR"), busyPolls);
    reset();
  }

  @Override
  public void reset() {
    cr = CR_LOCK;
    sr = 0;
    ar = 0;
    key1Seen = false;
    keysRefused = false;
    clearBusy();
  }

  @Override
  public int read(int offset, int size) {
    requireWord(offset, size, false);
    return switch (offset) {
      case CR -> cr;
      case AR -> ar;
      case SR -> status();
      default -> 0;
    };
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    switch (offset) {
      case KEYR -> writeKey(value);
      case CR -> writeControl(value);
      case AR -> ar = value;
      case SR -> sr &= ~(value & SR_CLEARABLE);
      default -> { }
    }
  }

  private int status() {
    int value = sr;
    return pollBusy() ? value | SR_BSY : value;
  }

  private void writeKey(int value) {
    if (!keysRefused && !key1Seen && value == KEY1) {
      key1Seen = true;
    } else if (!keysRefused && key1Seen && value == KEY2) {
      key1Seen = false;
      cr &= ~CR_LOCK;
    } else {
      keysRefused = true;
      sr |= SR_KEYERR;
    }
  }

  private void writeControl(int value) {
    if ((cr & CR_LOCK) != 0) {
      if ((value & CR_LOCK) == 0) {
        sr |= SR_WRPERR;
      }
      return;
    }
    cr = value & (CR_PG | CR_SER | CR_MER | CR_LOCK);
    if ((value & CR_STRT) == 0 || (cr & CR_LOCK) != 0) {
      return;
    }
    if ((cr & CR_SER) != 0) {
      if (!inArray(ar)) {
        sr |= SR_ADDRERR;
        return;
      }
      array().eraseSectorAt(ar - array().start());
      startBusy();
    } else if ((cr & CR_MER) != 0) {
      array().eraseAll();
      startBusy();
    }
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    if ((cr & CR_LOCK) != 0 || (cr & CR_PG) == 0) {
      sr |= SR_WRPERR;
      return;
    }
    if (size != 4 || (offset & 3) != 0 || !array().canProgram(offset, 4, value)) {
      sr |= SR_PGERR;
      return;
    }
    array().program(offset, 4, value);
    startBusy();
  }

  @Override
  void operationDone() {
    sr |= SR_EOP;
  }
}
