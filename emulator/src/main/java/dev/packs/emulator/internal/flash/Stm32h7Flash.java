package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.HashMap;
import java.util.Map;

/**
 * The STM32H7 embedded flash (FLASH at 0x52002000) with one register set per bank (KEYR, CR, SR,
 * CCR at +0x04..+0x14 for bank 1 and +0x104..+0x114 for bank 2): KEYR unlocks a bank's CR; SER with
 * SNB and START erases one 128 KiB sector of that bank, BER the bank; with PG set, 32-bit writes fill
 * the bank's write buffer and every 256-bit flash word (eight words, aligned) is programmed at once,
 * only onto an erased flash word (else PGSERR); a write into another flash word before the buffer
 * is full is INCERR; FW forces a partly filled word out. SR.QW and BSY stay set for a few polls after each
 * operation and EOP follows; CCR clears the flags.
 */
public final class Stm32h7Flash extends ControllerBase {
  public static final int DEFAULT_BASE = 0x5200_2000;
  static final int KEYR = 0x04;
  static final int CR = 0x0C;
  static final int SR = 0x10;
  static final int CCR = 0x14;
  static final int BANK2 = 0x100;
  static final int CR_LOCK = 1;
  static final int CR_PG = 1 << 1;
  static final int CR_SER = 1 << 2;
  static final int CR_BER = 1 << 3;
  static final int CR_FW = 1 << 6;
  static final int CR_START = 1 << 7;
  static final int CR_SNB_SHIFT = 8;
  static final int SR_BSY = 1;
  static final int SR_WBNE = 1 << 1;
  static final int SR_QW = 1 << 2;
  static final int SR_EOP = 1 << 16;
  static final int SR_WRPERR = 1 << 17;
  static final int SR_PGSERR = 1 << 18;
  static final int SR_STRBERR = 1 << 19;
  static final int SR_INCERR = 1 << 21;
  private static final int SR_CLEARABLE = 0x0FEF_0000;
  private static final int FLASH_WORD = 32;
  private static final int SECTOR = 128 * 1024;

  private final Bank[] banks = {new Bank(), new Bank()};
  private final Map<Integer, Integer> plain = new HashMap<>();

  /** One bank's registers and its write buffer. */
  private static final class Bank {
    int cr;
    int sr;
    final Stm32KeySequence keys = new Stm32KeySequence(CR_LOCK, false);
    int bufferOffset = -1;
    final int[] buffer = new int[FLASH_WORD / 4];
    int filled;
  }

  public Stm32h7Flash(int base, FlashArray main, int busyPolls) {
    super("FLASH", base, 0x400, main, names(), busyPolls);
    reset();
  }

  private static Map<Integer, String> names() {
    Map<Integer, String> n = new HashMap<>(Map.of(0x00, "ACR", KEYR, "KEYR1", 0x08, "OPTKEYR",
        CR, "CR1", SR, "SR1", CCR, "CCR1", 0x18, "OPTCR", 0x1C, "OPTSR_CUR", 0x20, "OPTSR_PRG"));
    n.putAll(Map.of(BANK2 + KEYR, "KEYR2", BANK2 + CR, "CR2", BANK2 + SR, "SR2",
        BANK2 + CCR, "CCR2"));
    return n;
  }

  @Override
  public void reset() {
    for (Bank b : banks) {
      b.cr = CR_LOCK | 3 << 4;
      b.sr = 0;
      b.keys.reset();
      b.bufferOffset = -1;
      b.filled = 0;
    }
    plain.clear();
    plain.put(0x1C, 0x1FEF_AAF0);
    clearBusy();
  }

  private int bankSize() {
    return array().size() > SECTOR * 8 ? array().size() / 2 : array().size();
  }

  private Bank bankOfRegister(int offset) {
    return offset >= BANK2 ? banks[1] : banks[0];
  }

  @Override
  public int read(int offset, int size) {
    if (size != 4 || (offset & 3) != 0) {
      return readNarrow(offset, size);
    }
    int local = offset & 0xFF;
    Bank bank = bankOfRegister(offset);
    return switch (local) {
      case CR -> bank.cr;
      case SR -> bank.sr | (bank.filled > 0 ? SR_WBNE : 0)
          | (pollBusy() ? SR_QW | SR_BSY : 0);
      default -> plain.getOrDefault(offset, 0);
    };
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    int local = offset & 0xFF;
    Bank bank = bankOfRegister(offset);
    switch (local) {
      case KEYR -> writeKey(bank, offset, value);
      case CR -> writeControl(bank, value);
      case CCR -> bank.sr &= ~(value & SR_CLEARABLE);
      case SR -> { }
      default -> plain.put(offset, value);
    }
  }

  private void writeKey(Bank bank, int offset, int value) {
    bank.cr = bank.keys.write(bank.cr, value);
    if (!bank.keys.refused()) {
      return;
    }
    throw new BusFault(BusFault.Kind.READ_ONLY, base() + offset, true, String.format(
        "wrong FLASH_KEYR sequence (0x%08X); the bank's CR stays locked until reset", value));
  }

  private void writeControl(Bank bank, int value) {
    if ((bank.cr & CR_LOCK) != 0) {
      return;
    }
    bank.cr = value & ~(CR_START | CR_FW);
    if ((value & CR_FW) != 0 && bank.filled > 0) {
      flush(bank);
    }
    if ((value & CR_START) != 0) {
      start(bank);
    }
  }

  private void start(Bank bank) {
    int base = bank == banks[0] ? 0 : bankSize();
    if ((bank.cr & CR_BER) != 0) {
      array().erase(base, Math.min(bankSize(), array().size() - base));
    } else if ((bank.cr & CR_SER) != 0) {
      int sector = (bank.cr >>> CR_SNB_SHIFT) & 7;
      if (base + (sector + 1) * SECTOR > array().size()) {
        bank.sr |= SR_STRBERR;
        return;
      }
      array().erase(base + sector * SECTOR, SECTOR);
    } else {
      return;
    }
    startBusy();
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    Bank bank = offset >= bankSize() ? banks[1] : banks[0];
    int address = target.start() + offset;
    if ((bank.cr & CR_LOCK) != 0 || (bank.cr & CR_PG) == 0) {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true, String.format(
          "FLASH_CR%d is %s: flash only takes writes while PG is set", bank == banks[0] ? 1 : 2,
          (bank.cr & CR_LOCK) != 0 ? "locked" : "without PG"));
    }
    if (size != 4 || (offset & 3) != 0) {
      bank.sr |= SR_PGSERR;
      return;
    }
    int word = offset & ~(FLASH_WORD - 1);
    if (bank.filled > 0 && word != bank.bufferOffset) {
      bank.sr |= SR_INCERR;
      bank.filled = 0;
      return;
    }
    if (bank.filled == 0) {
      bank.bufferOffset = word;
      java.util.Arrays.fill(bank.buffer, -1);
    }
    bank.buffer[(offset - word) / 4] = value;
    if (++bank.filled == bank.buffer.length) {
      flush(bank);
    }
  }

  /** Programs the bank's flash word from its write buffer (unwritten words stay all ones). */
  private void flush(Bank bank) {
    int offset = bank.bufferOffset;
    bank.filled = 0;
    if (!array().isErased(offset, FLASH_WORD)) {
      bank.sr |= SR_PGSERR;
      return;
    }
    for (int i = 0; i < bank.buffer.length; i++) {
      array().program(offset + 4 * i, 4, bank.buffer[i]);
    }
    startBusy();
  }

  @Override
  void operationDone() {
    for (Bank b : banks) {
      b.sr |= SR_EOP;
    }
  }
}
