package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.HashMap;
import java.util.Map;

/**
 * The flash controller of the HDSC HC32F003/F005/F030/F072/F17x/F19x and HC32L110/L13x/L17x
 * (FLASH at 0x40020000): every write to a timing register, CR or SLOCKx must follow the BYPASS
 * sequence 0x5A5A, 0xA5A5, else it is ignored; CR.OP selects read (0), program (1), sector erase (2)
 * or chip erase (3), and a CPU write into the flash then programs that byte, half-word or word, or
 * erases the 512-byte sector (or the chip) it lands in. SLOCKx bits unlock 2 KiB (four sectors)
 * each; a write to a locked sector sets IFR bit 1 and changes nothing. CR.BUSY (bit 4) stays set for
 * a few polls after each operation.
 */
public final class Hc32Flash extends ControllerBase {
  public static final int DEFAULT_BASE = 0x4002_0000;
  static final int CR = 0x20;
  static final int IFR = 0x24;
  static final int ICLR = 0x28;
  static final int BYPASS = 0x2C;
  static final int SLOCK0 = 0x30;
  static final int CR_OP = 3;
  static final int CR_BUSY = 1 << 4;
  static final int IFR_DONE = 1;
  static final int IFR_LOCKED = 1 << 1;
  static final int OP_PROGRAM = 1;
  static final int OP_SECTOR_ERASE = 2;
  static final int OP_CHIP_ERASE = 3;
  private static final int LOCK_GRANULE = 2048;
  /** The SLOCK registers: SLOCK0, SLOCK1 at 0x30/0x34, SLOCK2, SLOCK3 at 0x40/0x44. */
  private static final int[] SLOCKS = {0x30, 0x34, 0x40, 0x44};

  private final Map<Integer, Integer> registers = new HashMap<>();
  private int bypassStep;
  private int ifr;

  public Hc32Flash(int base, FlashArray main, int busyPolls) {
    super("FLASH", base, 0x400, main, names(), busyPolls);
    reset();
  }

  private static Map<Integer, String> names() {
    Map<Integer, String> n = new HashMap<>(Map.of(0x00, "TNVS", 0x04, "TPGS", 0x08, "TPROG",
        0x0C, "TSERASE", 0x10, "TMERASE", 0x14, "TPRCV", 0x18, "TSRCV", 0x1C, "TMRCV", CR, "CR",
        IFR, "IFR"));
    n.putAll(Map.of(ICLR, "ICLR", BYPASS, "BYPASS", 0x30, "SLOCK0", 0x34, "SLOCK1", 0x40,
        "SLOCK2", 0x44, "SLOCK3"));
    return n;
  }

  @Override
  public void reset() {
    registers.clear();
    bypassStep = 0;
    ifr = 0;
    clearBusy();
  }

  @Override
  public int read(int offset, int size) {
    requireWord(offset, size, false);
    return switch (offset) {
      case CR -> registers.getOrDefault(CR, 0) | (pollBusy() ? CR_BUSY : 0);
      case IFR -> ifr;
      default -> registers.getOrDefault(offset, 0);
    };
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    if (offset == BYPASS) {
      bypassStep = bypassStep == 0 && (value & 0xFFFF) == 0x5A5A ? 1
          : bypassStep == 1 && (value & 0xFFFF) == 0xA5A5 ? 2 : 0;
      return;
    }
    if (offset == ICLR) {
      ifr &= value;
      return;
    }
    if (offset == IFR) {
      return;
    }
    boolean unlocked = bypassStep == 2;
    bypassStep = 0;
    if (!unlocked) {
      return;
    }
    registers.put(offset, offset == CR ? value & ~CR_BUSY : value);
  }

  private boolean locked(int offset) {
    int granule = offset / LOCK_GRANULE;
    int register = granule / 32;
    if (register >= SLOCKS.length) {
      return true;
    }
    return (registers.getOrDefault(SLOCKS[register], 0) & (1 << (granule % 32))) == 0;
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    int op = registers.getOrDefault(CR, 0) & CR_OP;
    if (op == 0) {
      throw new BusFault(BusFault.Kind.READ_ONLY, target.start() + offset, true,
          "FLASH_CR.OP is 0 (read): flash takes writes only in program or erase mode");
    }
    if (op == OP_CHIP_ERASE) {
      for (int at = 0; at < target.size(); at += LOCK_GRANULE) {
        if (locked(at)) {
          ifr |= IFR_LOCKED;
          return;
        }
      }
      target.eraseAll();
    } else if (locked(offset)) {
      ifr |= IFR_LOCKED;
      return;
    } else if (op == OP_SECTOR_ERASE) {
      target.eraseSectorAt(offset);
    } else {
      if ((offset & (size - 1)) != 0) {
        throw new BusFault(BusFault.Kind.BAD_SIZE, target.start() + offset, true,
            "the flash programs aligned bytes, half-words and words only");
      }
      target.program(offset, size, value);
    }
    startBusy();
  }

  @Override
  void operationDone() {
    ifr |= IFR_DONE;
  }
}
