package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.SectorTable;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The STM32F2/F4/F7 sector-erase flash interface (FLASH at 0x40023C00): KEYR unlocks CR; SER with
 * SNB and STRT erases one sector (SNB bit 4 picks bank 2 when the flash has two banks), MER/MER1
 * the banks; PG programs with the parallelism PSIZE sets (a write of another size is PGPERR) that may
 * only clear bits (else PGSERR); OPTKEYR unlocks OPTCR and OPTSTRT stores OPTCR/OPTCR1; the one-time
 * programmable area (OTP plus its lock bytes) takes PG writes once and never erases. SR BSY stays
 * set for a few polls after each operation and EOP follows.
 */
public final class Stm32f4Flash extends ControllerBase {
  public static final int DEFAULT_BASE = 0x4002_3C00;
  static final int ACR = 0x00;
  static final int KEYR = 0x04;
  static final int OPTKEYR = 0x08;
  static final int SR = 0x0C;
  static final int CR = 0x10;
  static final int OPTCR = 0x14;
  static final int OPTCR1 = 0x18;
  static final int SR_EOP = 1;
  static final int SR_OPERR = 1 << 1;
  static final int SR_WRPERR = 1 << 4;
  static final int SR_PGAERR = 1 << 5;
  static final int SR_PGPERR = 1 << 6;
  static final int SR_PGSERR = 1 << 7;
  static final int SR_BSY = 1 << 16;
  private static final int SR_ERRORS = SR_WRPERR | SR_PGAERR | SR_PGPERR | SR_PGSERR;
  static final int CR_PG = 1;
  static final int CR_SER = 1 << 1;
  static final int CR_MER = 1 << 2;
  static final int CR_SNB_SHIFT = 3;
  static final int CR_SNB = 0x1F << CR_SNB_SHIFT;
  static final int CR_PSIZE_SHIFT = 8;
  static final int CR_MER1 = 1 << 15;
  static final int CR_STRT = 1 << 16;
  static final int CR_EOPIE = 1 << 24;
  static final int CR_ERRIE = 1 << 25;
  static final int CR_LOCK = 1 << 31;
  private static final int CR_WRITABLE = CR_PG | CR_SER | CR_MER | CR_SNB | 3 << CR_PSIZE_SHIFT
      | CR_MER1 | CR_EOPIE | CR_ERRIE;
  static final int OPTCR_OPTLOCK = 1;
  static final int OPTCR_OPTSTRT = 1 << 1;
  static final int OPTCR_NDBANK = 1 << 29;

  private final List<List<SectorTable.Sector>> banks;
  private final FlashArray otp;
  private final int otpLockOffset;
  private final int optcrReset;
  private final int optcr1Reset;
  private int acr;
  private int sr;
  private int cr;
  private int optcr;
  private int optcr1;
  private final Stm32KeySequence keys = new Stm32KeySequence(CR_LOCK, true);
  private final Stm32OptionKeys optionKeys = new Stm32OptionKeys();

  /**
   * A controller for {@code main}, whose sectors are numbered per bank: with more than twelve
   * sectors the upper half of the array is bank 2 (SNB 0x10 and up). {@code otp} holds the OTP
   * blocks of 32 (F2/F4) or 64 (F7) bytes followed by one lock byte per block.
   */
  public Stm32f4Flash(int base, FlashArray main, FlashArray otp, int otpBlocks, int optcr,
      int optcr1, int busyPolls) {
    super("FLASH", base, 0x400, main, Map.of(ACR, "ACR", KEYR, "KEYR", OPTKEYR, "OPTKEYR", SR,
        "SR", CR, "CR", OPTCR, "OPTCR", OPTCR1, "OPTCR1"), busyPolls);
    this.otp = addArray(otp);
    this.otpLockOffset = otp.size() - otpBlocks;
    this.optcrReset = optcr;
    this.optcr1Reset = optcr1;
    this.banks = banks(main);
    reset();
  }

  private static List<List<SectorTable.Sector>> banks(FlashArray main) {
    List<SectorTable.Sector> all = main.sectors().all();
    if (all.size() <= 12) {
      return List.of(all);
    }
    int half = main.size() / 2;
    List<SectorTable.Sector> one = new ArrayList<>();
    List<SectorTable.Sector> two = new ArrayList<>();
    for (SectorTable.Sector s : all) {
      (s.offset() < half ? one : two).add(s);
    }
    return List.of(one, two);
  }

  @Override
  public void reset() {
    acr = 0;
    sr = 0;
    cr = CR_LOCK;
    optcr = optcrReset | OPTCR_OPTLOCK;
    optcr1 = optcr1Reset;
    keys.reset();
    optionKeys.reset();
    clearBusy();
  }

  @Override
  public int read(int offset, int size) {
    if (size != 4 || (offset & 3) != 0) {
      return readNarrow(offset, size);
    }
    return switch (offset) {
      case ACR -> acr;
      case SR -> pollBusy() ? sr | SR_BSY : sr;
      case CR -> cr;
      case OPTCR -> optcr;
      case OPTCR1 -> optcr1;
      default -> 0;
    };
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    switch (offset) {
      case ACR -> acr = value & 0xF0F;
      case KEYR -> writeKey(value);
      case OPTKEYR -> writeOptionKey(value);
      case SR -> sr &= ~(value & (SR_EOP | SR_OPERR | SR_ERRORS));
      case CR -> writeControl(value);
      case OPTCR -> writeOptions(value);
      case OPTCR1 -> {
        if ((optcr & OPTCR_OPTLOCK) == 0) {
          optcr1 = value;
        }
      }
      default -> { }
    }
  }

  private void writeKey(int value) {
    cr = keys.write(cr, value);
    if (keys.refused()) {
      throw new BusFault(BusFault.Kind.READ_ONLY, base() + KEYR, true, String.format(
          "wrong FLASH_KEYR sequence (0x%08X); FLASH_CR stays locked until reset", value));
    }
  }

  private void writeOptionKey(int value) {
    if (optionKeys.unlocks(value, true, base() + OPTKEYR, "; FLASH_OPTCR stays locked")) {
      optcr &= ~OPTCR_OPTLOCK;
    }
  }

  private void writeOptions(int value) {
    if ((optcr & OPTCR_OPTLOCK) != 0) {
      return;
    }
    optcr = value & ~OPTCR_OPTSTRT;
    if ((value & OPTCR_OPTSTRT) != 0) {
      startBusy();
    }
  }

  private void writeControl(int value) {
    if ((cr & CR_LOCK) != 0) {
      return;
    }
    cr = (value & CR_WRITABLE) | (value & CR_LOCK);
    if ((value & CR_STRT) != 0 && (value & CR_LOCK) == 0) {
      startErase();
    }
  }

  private void startErase() {
    boolean mass = (cr & (CR_MER | CR_MER1)) != 0;
    if ((cr & CR_SER) != 0 && !mass) {
      int snb = (cr & CR_SNB) >>> CR_SNB_SHIFT;
      int bank = (snb & 0x10) != 0 ? 1 : 0;
      int index = snb & 0xF;
      if (bank >= banks.size() || index >= banks.get(bank).size()) {
        sr |= SR_PGSERR;
        return;
      }
      SectorTable.Sector sector = banks.get(bank).get(index);
      array().erase(sector.offset(), sector.size());
    } else if (mass && (cr & CR_SER) == 0) {
      eraseBank((cr & CR_MER) != 0, 0);
      eraseBank((cr & CR_MER1) != 0, 1);
    } else {
      sr |= SR_PGSERR;
      return;
    }
    startBusy();
  }

  private void eraseBank(boolean wanted, int bank) {
    if (!wanted || bank >= banks.size()) {
      return;
    }
    for (SectorTable.Sector s : banks.get(bank)) {
      array().erase(s.offset(), s.size());
    }
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    int address = target.start() + offset;
    if ((cr & CR_LOCK) != 0 || (cr & CR_PG) == 0) {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true, String.format(
          "FLASH_CR is %s: flash only takes writes while PG is set",
          (cr & CR_LOCK) != 0 ? "locked" : "without PG"));
    }
    int psize = 1 << ((cr >>> CR_PSIZE_SHIFT) & 3);
    if (size != psize && !(psize == 8 && size == 4)) {
      sr |= SR_PGPERR;
      return;
    }
    if ((offset & (size - 1)) != 0) {
      sr |= SR_PGAERR;
      return;
    }
    if (target == otp && otpLocked(offset)) {
      sr |= SR_WRPERR;
      return;
    }
    if (!target.canProgram(offset, size, value)) {
      sr |= SR_PGSERR;
      return;
    }
    target.program(offset, size, value);
    startBusy();
  }

  /** An OTP data block whose lock byte was programmed takes no more writes. */
  private boolean otpLocked(int offset) {
    if (offset >= otpLockOffset) {
      return false;
    }
    int blockSize = otpLockOffset / (otp.size() - otpLockOffset);
    return otp.read(otpLockOffset + offset / blockSize, 1) != 0xFF;
  }

  @Override
  void operationDone() {
    sr |= SR_EOP;
  }

  /** True when the options ask for two banks: nDBANK clear. */
  static boolean dualBank(int optcr) {
    return (optcr & OPTCR_NDBANK) == 0;
  }
}
