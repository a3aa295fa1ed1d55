package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.HashMap;
import java.util.Map;

/**
 * The page-erase flash interface of the STM32L4, G0, WB and WL (KEYR at +0x08, SR at +0x10, CR at
 * +0x14, the option registers from +0x20): KEYR unlocks CR; PER with PNB (and BKER on dual-bank
 * parts) and STRT erases one page, MER1/MER2 a bank; PG programs double-words made of two 32-bit
 * writes, only onto erased cells (else PROGERR) and in order (else PGAERR); OPTKEYR unlocks the
 * option registers and OPTSTRT stores them into the option bytes, each register as a word and its
 * complement. SR BSY stays set for a few polls after each operation; EOP is set only with EOPIE.
 */
public final class Stm32PageFlash extends ControllerBase {
  static final int ACR = 0x00;
  static final int KEYR = 0x08;
  static final int OPTKEYR = 0x0C;
  static final int SR = 0x10;
  static final int CR = 0x14;
  static final int OPTR = 0x20;
  static final int SR_EOP = 1;
  static final int SR_OPERR = 1 << 1;
  static final int SR_PROGERR = 1 << 3;
  static final int SR_WRPERR = 1 << 4;
  static final int SR_PGAERR = 1 << 5;
  static final int SR_SIZERR = 1 << 6;
  static final int SR_PGSERR = 1 << 7;
  static final int SR_MISERR = 1 << 8;
  static final int SR_FASTERR = 1 << 9;
  static final int SR_OPTVERR = 1 << 15;
  static final int SR_BSY = 1 << 16;
  private static final int SR_CLEARABLE = 0xC3FB;
  static final int CR_PG = 1;
  static final int CR_PER = 1 << 1;
  static final int CR_MER1 = 1 << 2;
  static final int CR_PNB_SHIFT = 3;
  static final int CR_MER2 = 1 << 15;
  static final int CR_STRT = 1 << 16;
  static final int CR_OPTSTRT = 1 << 17;
  static final int CR_EOPIE = 1 << 24;
  static final int CR_OBL_LAUNCH = 1 << 27;
  static final int CR_OPTLOCK = 1 << 30;
  static final int CR_LOCK = 1 << 31;

  /**
   * One member of the family: its name for registers, the page size, the width of PNB, the BKER
   * bit (0 for single-bank parts), the option registers (their names from OPTR on) and where each
   * is stored in the option bytes (offsets into the option array; its complement follows at +4).
   */
  public record Variant(String name, int pageSize, int pnbBits, int bkerBit,
      String[] optionNames, int[] optionSlots, Map<Integer, Integer> otherResets,
      boolean secureArea) {}

  /** Where the WB keeps its secure flash start (SFR.SFSA, in pages) and OPTR's ESE bit. */
  static final int SFR = 0x80;
  static final int OPTR_ESE = 1 << 8;

  private final Variant variant;
  private final FlashArray optionBytes;
  private final int[] options;
  private final Map<Integer, Integer> plain = new HashMap<>();
  private int acr;
  private int sr;
  private int cr;
  private final Stm32KeySequence keys = new Stm32KeySequence(CR_LOCK, true);
  private final Stm32OptionKeys optionKeys = new Stm32OptionKeys();
  private int pendingOffset = -1;

  public Stm32PageFlash(int base, FlashArray main, FlashArray optionBytes, Variant variant,
      int busyPolls) {
    super("FLASH", base, 0x400, main, names(variant), busyPolls);
    this.variant = variant;
    this.optionBytes = addArray(optionBytes);
    this.options = new int[variant.optionNames().length];
    reset();
  }

  private static Map<Integer, String> names(Variant variant) {
    Map<Integer, String> n = new HashMap<>(Map.of(ACR, "ACR", KEYR, "KEYR", OPTKEYR, "OPTKEYR",
        SR, "SR", CR, "CR", 0x18, "ECCR"));
    for (int i = 0; i < variant.optionNames().length; i++) {
      n.put(OPTR + 4 * i, variant.optionNames()[i]);
    }
    if (variant.secureArea()) {
      n.put(SFR, "SFR");
      n.put(0x84, "SRRVR");
    }
    return n;
  }

  /** Writes {@code values} into the option bytes as a factory would: each word and its complement. */
  static void storeFactory(FlashArray optionBytes, int[] slots, int[] values) {
    optionBytes.eraseAll();
    for (int i = 0; i < slots.length; i++) {
      optionBytes.program(slots[i], 4, values[i]);
      optionBytes.program(slots[i] + 4, 4, ~values[i]);
    }
  }

  @Override
  public void reset() {
    acr = 0x600;
    sr = 0;
    cr = CR_LOCK | CR_OPTLOCK;
    keys.reset();
    optionKeys.reset();
    pendingOffset = -1;
    plain.clear();
    plain.putAll(variant.otherResets());
    loadOptions();
    clearBusy();
  }

  private void loadOptions() {
    for (int i = 0; i < options.length; i++) {
      options[i] = optionBytes.read(variant.optionSlots()[i], 4);
    }
  }

  private int bankSize() {
    return variant.bkerBit() != 0 ? array().size() / 2 : array().size();
  }

  @Override
  public int read(int offset, int size) {
    if (size != 4 || (offset & 3) != 0) {
      return readNarrow(offset, size);
    }
    if (offset >= OPTR && offset < OPTR + 4 * options.length) {
      return options[(offset - OPTR) / 4];
    }
    return switch (offset) {
      case ACR -> acr;
      case SR -> pollBusy() ? sr | SR_BSY : sr;
      case CR -> cr;
      default -> plain.getOrDefault(offset, 0);
    };
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    if (offset >= OPTR && offset < OPTR + 4 * options.length) {
      if ((cr & CR_OPTLOCK) == 0) {
        options[(offset - OPTR) / 4] = value;
      }
      return;
    }
    switch (offset) {
      case ACR -> acr = value;
      case KEYR -> writeKey(value);
      case OPTKEYR -> writeOptionKey(value);
      case SR -> sr &= ~(value & SR_CLEARABLE);
      case CR -> writeControl(value);
      default -> plain.put(offset, value);
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
    if (optionKeys.unlocks(value, (cr & CR_LOCK) == 0, base() + OPTKEYR,
        " or FLASH_CR still locked")) {
      cr &= ~CR_OPTLOCK;
    }
  }

  private void writeControl(int value) {
    if ((cr & CR_LOCK) != 0) {
      return;
    }
    boolean optLocked = (cr & CR_OPTLOCK) != 0 || (value & CR_OPTLOCK) != 0;
    cr = (value & ~(CR_STRT | CR_OPTSTRT | CR_OBL_LAUNCH | CR_OPTLOCK))
        | (optLocked || (value & CR_LOCK) != 0 ? CR_OPTLOCK : 0);
    if ((cr & CR_PG) == 0) {
      pendingOffset = -1;
    }
    if ((cr & CR_LOCK) != 0) {
      return;
    }
    if ((value & CR_STRT) != 0) {
      startErase();
    }
    if ((value & CR_OPTSTRT) != 0) {
      if ((cr & CR_OPTLOCK) != 0) {
        sr |= SR_PGSERR;
        return;
      }
      storeFactory(optionBytes, variant.optionSlots(), options);
      startBusy();
    }
    if ((value & CR_OBL_LAUNCH) != 0) {
      loadOptions();
    }
  }

  private void startErase() {
    int ops = cr & (CR_PG | CR_PER | CR_MER1 | CR_MER2);
    if ((sr & 0x3FA) != 0) {
      sr |= SR_PGSERR;
      return;
    }
    if (ops == CR_PER) {
      int page = (cr >>> CR_PNB_SHIFT) & ((1 << variant.pnbBits()) - 1);
      boolean bank2 = variant.bkerBit() != 0 && (cr & (1 << variant.bkerBit())) != 0;
      if ((page + 1) * variant.pageSize() > bankSize()) {
        sr |= SR_PGSERR;
        return;
      }
      if (secure(page * variant.pageSize())) {
        sr |= SR_WRPERR;
        return;
      }
      array().erase((bank2 ? bankSize() : 0) + page * variant.pageSize(), variant.pageSize());
    } else if (ops != 0 && (ops & ~(CR_MER1 | CR_MER2)) == 0) {
      if ((ops & CR_MER1) != 0) {
        array().erase(0, bankSize());
      }
      if ((ops & CR_MER2) != 0 && variant.bkerBit() != 0) {
        array().erase(bankSize(), bankSize());
      }
    } else {
      sr |= SR_PGSERR;
      return;
    }
    startBusy();
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    int address = target.start() + offset;
    if (target == optionBytes) {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true,
          "option bytes change through the FLASH option registers and OPTSTRT");
    }
    if ((cr & CR_LOCK) != 0 || (cr & CR_PG) == 0) {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true, String.format(
          "FLASH_CR is %s: flash only takes writes while PG is set",
          (cr & CR_LOCK) != 0 ? "locked" : "without PG"));
    }
    if ((cr & (CR_PER | CR_MER1 | CR_MER2)) != 0) {
      sr |= SR_PGSERR;
      return;
    }
    if (size != 4) {
      sr |= SR_SIZERR;
      return;
    }
    if (pendingOffset < 0) {
      if ((offset & 7) != 0) {
        sr |= SR_PGAERR;
        return;
      }
      if (secure(offset)) {
        sr |= SR_WRPERR;
        return;
      }
      if (!target.isErased(offset, 8)) {
        sr |= SR_PROGERR;
        return;
      }
      pendingOffset = offset;
      target.program(offset, 4, value);
      return;
    }
    int first = pendingOffset;
    pendingOffset = -1;
    if (offset != first + 4) {
      sr |= SR_PGAERR;
      return;
    }
    target.program(offset, 4, value);
    startBusy();
  }

  /**
   * On the WB, with OPTR.ESE set the flash from SFR.SFSA (in pages) up belongs to the radio
   * core: the application core may neither erase nor program it.
   */
  private boolean secure(int offset) {
    if (!variant.secureArea() || (options[0] & OPTR_ESE) == 0) {
      return false;
    }
    int sfsa = plain.getOrDefault(SFR, 0xFF) & 0xFF;
    return offset / variant.pageSize() >= sfsa;
  }

  @Override
  void operationDone() {
    if ((cr & CR_EOPIE) != 0) {
      sr |= SR_EOP;
    }
  }
}
