package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.Map;

/**
 * The STM32G4 embedded-flash interface (RM0440, FLASH at 0x40022000): the KEYR unlock sequence, page
 * erase by PER/PNB/BKER, mass erase by MER1/MER2, double-word programming, and the status flags with
 * the manual's error rules. Page size and banks follow OPTR.DBANK: 2 KiB pages in dual-bank mode and
 * on single-bank devices up to 128 KiB per bank; 4 KiB pages on a dual-bank-capable device in
 * single-bank mode. A page erase erases exactly the page PNB/BKER name, right or wrong.
 */
public final class Stm32g4Flash extends ControllerBase {
  public static final int DEFAULT_BASE = 0x4002_2000;
  static final int ACR = 0x00;
  static final int KEYR = 0x08;
  static final int OPTKEYR = 0x0C;
  static final int SR = 0x10;
  static final int CR = 0x14;
  static final int ECCR = 0x18;
  static final int OPTR = 0x20;
  static final int KEY1 = Stm32KeySequence.KEY1;
  static final int KEY2 = Stm32KeySequence.KEY2;
  static final int SR_EOP = 1;
  static final int SR_OPERR = 1 << 1;
  static final int SR_PROGERR = 1 << 3;
  static final int SR_WRPERR = 1 << 4;
  static final int SR_PGAERR = 1 << 5;
  static final int SR_SIZERR = 1 << 6;
  static final int SR_PGSERR = 1 << 7;
  static final int SR_MISERR = 1 << 8;
  static final int SR_FASTERR = 1 << 9;
  static final int SR_RDERR = 1 << 14;
  static final int SR_OPTVERR = 1 << 15;
  static final int SR_BSY = 1 << 16;
  static final int SR_ERRORS = SR_PROGERR | SR_WRPERR | SR_PGAERR | SR_SIZERR | SR_PGSERR
      | SR_MISERR | SR_FASTERR;
  private static final int SR_CLEARABLE = SR_EOP | SR_OPERR | SR_ERRORS | SR_RDERR | SR_OPTVERR;
  static final int CR_PG = 1;
  static final int CR_PER = 1 << 1;
  static final int CR_MER1 = 1 << 2;
  static final int CR_PNB_SHIFT = 3;
  static final int CR_PNB = 0xFF << CR_PNB_SHIFT;
  static final int CR_BKER = 1 << 11;
  static final int CR_MER2 = 1 << 15;
  static final int CR_STRT = 1 << 16;
  static final int CR_EOPIE = 1 << 24;
  static final int CR_ERRIE = 1 << 25;
  static final int CR_OPTLOCK = 1 << 30;
  static final int CR_LOCK = 1 << 31;
  private static final int CR_WRITABLE = CR_PG | CR_PER | CR_MER1 | CR_PNB | CR_BKER | CR_MER2
      | CR_EOPIE | CR_ERRIE | (1 << 26) | (1 << 18);
  static final int OPTR_DBANK = 1 << 22;
  /** OPTR as shipped: RDP level 0, software watchdogs, DBANK set. */
  public static final int OPTR_FACTORY = 0xFFEF_F8AA;

  private final boolean dualBankCapable;
  private final int optrReset;
  private int acr;
  private int sr;
  private int cr;
  private int optr;
  private final Stm32KeySequence keys = new Stm32KeySequence(CR_LOCK, true);
  private int pendingOffset = -1;
  private int pendingWord;
  private boolean erasing;

  /**
   * A controller for {@code array}. {@code dualBankCapable} marks category 3 devices (STM32G47x/48x)
   * whose OPTR.DBANK splits the flash into two banks; {@code optr} is the option register's value.
   */
  public Stm32g4Flash(int base, FlashArray array, boolean dualBankCapable, int optr, int busyPolls) {
    super("FLASH", base, 0x400, array, Map.of(ACR, "ACR", 0x04, "PDKEYR", KEYR, "KEYR",
        OPTKEYR, "OPTKEYR", SR, "SR", CR, "CR", ECCR, "ECCR", OPTR, "OPTR"), busyPolls);
    this.dualBankCapable = dualBankCapable;
    this.optrReset = optr;
    reset();
  }

  /** The page size the array must be built with for this geometry. */
  public static int pageSize(int flashSize, boolean dualBankCapable, int optr) {
    return dualBankCapable && (optr & OPTR_DBANK) == 0 ? 4096 : 2048;
  }

  @Override
  public void reset() {
    acr = 0x600;
    sr = 0;
    cr = CR_LOCK | CR_OPTLOCK;
    optr = optrReset;
    keys.reset();
    pendingOffset = -1;
    erasing = false;
    clearBusy();
  }

  private boolean dualBank() {
    return dualBankCapable && (optr & OPTR_DBANK) != 0;
  }

  private int pageSize() {
    return pageSize(array().size(), dualBankCapable, optr);
  }

  private int bankSize() {
    return dualBank() ? array().size() / 2 : array().size();
  }

  @Override
  public int read(int offset, int size) {
    requireWord(offset, size, false);
    return switch (offset) {
      case ACR -> acr;
      case SR -> status();
      case CR -> erasing ? cr | CR_STRT : cr;
      case OPTR -> optr;
      default -> 0;
    };
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    switch (offset) {
      case ACR -> acr = value & 0x7F0F;
      case KEYR -> writeKey(value);
      case SR -> sr &= ~(value & SR_CLEARABLE);
      case CR -> writeControl(value);
      default -> { }
    }
  }

  private int status() {
    int value = sr;
    return pollBusy() ? value | SR_BSY : value;
  }

  private void writeKey(int value) {
    cr = keys.write(cr, value);
    if (keys.refused()) {
      throw new BusFault(BusFault.Kind.READ_ONLY, base() + KEYR, true, String.format(
          "wrong FLASH_KEYR sequence (0x%08X); FLASH_CR stays locked until reset", value));
    }
  }

  private void writeControl(int value) {
    if ((cr & CR_LOCK) != 0) {
      cr |= value & CR_OPTLOCK;
      return;
    }
    cr = (cr & (CR_OPTLOCK | CR_LOCK)) | (value & CR_WRITABLE) | (value & (CR_LOCK | CR_OPTLOCK));
    if ((cr & CR_PG) == 0) {
      pendingOffset = -1;
    }
    if ((value & CR_STRT) != 0 && (cr & CR_LOCK) == 0) {
      startErase();
    }
  }

  private void startErase() {
    int ops = cr & (CR_PG | CR_PER | CR_MER1 | CR_MER2);
    if ((sr & SR_ERRORS) != 0 || (ops & CR_PG) != 0 || ops == 0
        || ((ops & CR_PER) != 0 && ops != CR_PER)) {
      fail(SR_PGSERR);
      return;
    }
    if (ops == CR_PER) {
      erasePage();
    } else {
      eraseBanks((ops & CR_MER1) != 0, (ops & CR_MER2) != 0);
    }
  }

  private void erasePage() {
    int page = (cr & CR_PNB) >>> CR_PNB_SHIFT;
    boolean bank2 = (cr & CR_BKER) != 0;
    int pagesPerBank = bankSize() / pageSize();
    if ((bank2 && !dualBank()) || page >= pagesPerBank) {
      fail(SR_PGSERR);
      return;
    }
    int offset = (bank2 ? bankSize() : 0) + page * pageSize();
    array().erase(offset, pageSize());
    erasing = true;
    startBusy();
  }

  private void eraseBanks(boolean bank1, boolean bank2) {
    if (!dualBank()) {
      array().eraseAll();
    } else {
      if (bank1) {
        array().erase(0, bankSize());
      }
      if (bank2) {
        array().erase(bankSize(), bankSize());
      }
    }
    erasing = true;
    startBusy();
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    if ((cr & CR_PG) == 0 || (cr & CR_LOCK) != 0 || (cr & (CR_PER | CR_MER1 | CR_MER2)) != 0
        || (sr & SR_ERRORS) != 0) {
      fail(SR_PGSERR);
      return;
    }
    if (size != 4) {
      fail(SR_SIZERR);
      return;
    }
    if (pendingOffset < 0) {
      if ((offset & 7) != 0) {
        fail(SR_PGAERR);
        return;
      }
      pendingOffset = offset;
      pendingWord = value;
      return;
    }
    int first = pendingOffset;
    pendingOffset = -1;
    if (offset != first + 4) {
      fail(SR_PGAERR);
      return;
    }
    programDoubleWord(first, pendingWord, value);
  }

  private void programDoubleWord(int offset, int low, int high) {
    boolean erased = array().isErased(offset, 8);
    if (!erased && (low != 0 || high != 0)) {
      fail(SR_PROGERR);
      return;
    }
    array().program(offset, 4, low);
    array().program(offset + 4, 4, high);
    startBusy();
  }

  private void fail(int flags) {
    sr |= flags;
    if ((cr & CR_ERRIE) != 0) {
      sr |= SR_OPERR;
    }
  }

  @Override
  void operationDone() {
    erasing = false;
    if ((cr & CR_EOPIE) != 0) {
      sr |= SR_EOP;
    }
  }
}
