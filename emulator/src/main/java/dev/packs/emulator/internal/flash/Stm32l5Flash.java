package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.HashMap;
import java.util.Map;

/**
 * The STM32L5/U5 flash interface with TrustZone (FLASH at 0x40022000): a non-secure register set
 * (NSKEYR, NSSR, NSCR) and a secure one (SECKEYR, SECSR, SECCR). With OPTR.TZEN clear everything
 * goes through the non-secure set; with TZEN set, writes through the secure alias of the flash
 * (0x0C000000) need SECCR and those through 0x08000000 NSCR. PER with PNB and BKER erases one page
 * of a bank (two banks when OPTR.DBANK/DUALBANK is set); PG programs double-words (L5) or
 * quad-words (U5) made of 32-bit writes, only onto erased cells (else PROGERR), in order (else
 * PGAERR); OPTKEYR unlocks the option registers and OPTSTRT stores them. BSY stays set for a few
 * polls after each operation.
 */
public final class Stm32l5Flash extends ControllerBase {
  public static final int DEFAULT_BASE = 0x4002_2000;
  static final int ACR = 0x00;
  static final int NSKEYR = 0x08;
  static final int SECKEYR = 0x0C;
  static final int OPTKEYR = 0x10;
  static final int NSSR = 0x20;
  static final int SECSR = 0x24;
  static final int NSCR = 0x28;
  static final int SECCR = 0x2C;
  static final int OPTR = 0x40;
  static final int SR_EOP = 1;
  static final int SR_OPERR = 1 << 1;
  static final int SR_PROGERR = 1 << 3;
  static final int SR_WRPERR = 1 << 4;
  static final int SR_PGAERR = 1 << 5;
  static final int SR_SIZERR = 1 << 6;
  static final int SR_PGSERR = 1 << 7;
  static final int SR_OPTWERR = 1 << 13;
  static final int SR_BSY = 1 << 16;
  private static final int SR_CLEARABLE = SR_EOP | SR_OPERR | SR_PROGERR | SR_WRPERR | SR_PGAERR
      | SR_SIZERR | SR_PGSERR | SR_OPTWERR;
  static final int CR_PG = 1;
  static final int CR_PER = 1 << 1;
  static final int CR_MER1 = 1 << 2;
  static final int CR_PNB_SHIFT = 3;
  static final int CR_BKER = 1 << 11;
  static final int CR_MER2 = 1 << 15;
  static final int CR_STRT = 1 << 16;
  static final int CR_OPTSTRT = 1 << 17;
  static final int CR_EOPIE = 1 << 24;
  static final int CR_OBL_LAUNCH = 1 << 27;
  static final int CR_OPTLOCK = 1 << 30;
  static final int CR_LOCK = 1 << 31;
  static final int OPTR_TZEN = 1 << 31;
  /** The option registers OPTR..WRP2BR: twelve words. */
  static final int OPTION_WORDS = 12;

  /**
   * One member of the family: its page size with one and with two banks, the width of PNB, how
   * many bytes one program operation takes, and OPTR's dual-bank bit.
   */
  public record Variant(String name, int singleBankPage, int dualBankPage, int pnbBits,
      int programBytes, int dualBankBit) {}

  private final Variant variant;
  private final int secureAlias;
  private final FlashArray optionView;
  private final int[] optionReset;
  private final int[] options = new int[OPTION_WORDS];
  private final Map<Integer, Integer> plain = new HashMap<>();
  private final Port ns = new Port();
  private final Port sec = new Port();
  private final Stm32OptionKeys optionKeys = new Stm32OptionKeys();
  private boolean optionsUnlocked;

  /** One register set: KEYR, SR, CR and the double- or quad-word being collected. */
  private static final class Port {
    int cr;
    int sr;
    final Stm32KeySequence keys = new Stm32KeySequence(CR_LOCK, false);
    int pendingOffset = -1;
    int pendingCount;
  }

  /**
   * {@code optionView}, when not null, shows the stored option registers OPTR..WRP2BR as twelve
   * words (the layout vendor option-byte algorithms use).
   */
  public Stm32l5Flash(int base, FlashArray main, int secureAlias, FlashArray optionView,
      int[] optionReset, Variant variant, int busyPolls) {
    super("FLASH", base, 0x400, main, names(), busyPolls);
    this.variant = variant;
    this.secureAlias = secureAlias;
    this.optionView = optionView == null ? null : addArray(optionView);
    this.optionReset = optionReset.clone();
    alias(secureAlias);
    storeOptions(optionReset);
    reset();
  }

  private static Map<Integer, String> names() {
    Map<Integer, String> n = new HashMap<>(Map.of(ACR, "ACR", 0x04, "PDKEYR", NSKEYR, "NSKEYR",
        SECKEYR, "SECKEYR", OPTKEYR, "OPTKEYR", NSSR, "NSSR", SECSR, "SECSR", NSCR, "NSCR",
        SECCR, "SECCR", OPTR, "OPTR"));
    String[] more = {"NSBOOTADD0R", "NSBOOTADD1R", "SECBOOTADD0R", "SECWM1R1", "SECWM1R2",
        "WRP1AR", "WRP1BR", "SECWM2R1", "SECWM2R2", "WRP2AR", "WRP2BR"};
    for (int i = 0; i < more.length; i++) {
      n.put(OPTR + 4 + 4 * i, more[i]);
    }
    for (int i = 0; i < 4; i++) {
      n.put(0x80 + 4 * i, "SECBB1R" + (i + 1));
      n.put(0xA0 + 4 * i, "SECBB2R" + (i + 1));
    }
    return n;
  }

  @Override
  public void reset() {
    for (Port p : new Port[] {ns, sec}) {
      p.cr = CR_LOCK | CR_OPTLOCK;
      p.sr = 0;
      p.keys.reset();
      p.pendingOffset = -1;
    }
    plain.clear();
    optionKeys.reset();
    optionsUnlocked = false;
    loadOptions();
    clearBusy();
  }

  /** The option registers take the stored values, as after an option byte load. */
  private void loadOptions() {
    if (optionView != null) {
      for (int i = 0; i < OPTION_WORDS; i++) {
        options[i] = optionView.read(4 * i, 4);
      }
    } else {
      System.arraycopy(optionReset, 0, options, 0, OPTION_WORDS);
    }
  }

  private void storeOptions(int[] values) {
    if (optionView == null) {
      return;
    }
    optionView.eraseAll();
    for (int i = 0; i < OPTION_WORDS; i++) {
      optionView.program(4 * i, 4, values[i]);
    }
  }

  private boolean trustZone() {
    return (options[0] & OPTR_TZEN) != 0;
  }

  private boolean dualBank() {
    return (options[0] & (1 << variant.dualBankBit())) != 0;
  }

  private int pageSize() {
    return dualBank() ? variant.dualBankPage() : variant.singleBankPage();
  }

  @Override
  public int read(int offset, int size) {
    if (size != 4 || (offset & 3) != 0) {
      return readNarrow(offset, size);
    }
    if (offset >= OPTR && offset < OPTR + 4 * OPTION_WORDS) {
      return options[(offset - OPTR) / 4];
    }
    return switch (offset) {
      case NSSR -> status(ns);
      case SECSR -> status(sec);
      case NSCR -> ns.cr | (optionsUnlocked ? 0 : CR_OPTLOCK);
      case SECCR -> sec.cr;
      default -> plain.getOrDefault(offset, 0);
    };
  }

  private int status(Port port) {
    return pollBusy() ? port.sr | SR_BSY : port.sr;
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    if (offset >= OPTR && offset < OPTR + 4 * OPTION_WORDS) {
      if (optionsUnlocked) {
        options[(offset - OPTR) / 4] = value;
      } else {
        ns.sr |= SR_OPTWERR;
      }
      return;
    }
    switch (offset) {
      case NSKEYR -> writeKey(ns, offset, value);
      case SECKEYR -> writeKey(sec, offset, value);
      case OPTKEYR -> writeOptionKey(value);
      case NSSR -> ns.sr &= ~(value & SR_CLEARABLE);
      case SECSR -> sec.sr &= ~(value & SR_CLEARABLE);
      case NSCR -> writeControl(ns, value);
      case SECCR -> writeControl(sec, value);
      default -> plain.put(offset, value);
    }
  }

  private void writeKey(Port port, int offset, int value) {
    port.cr = port.keys.write(port.cr, value);
    if (!port.keys.refused()) {
      return;
    }
    throw new BusFault(BusFault.Kind.READ_ONLY, base() + offset, true, String.format(
        "wrong FLASH key sequence (0x%08X); the control register stays locked until reset", value));
  }

  private void writeOptionKey(int value) {
    if (optionKeys.unlocks(value, (ns.cr & CR_LOCK) == 0, base() + OPTKEYR,
        " or NSCR still locked")) {
      optionsUnlocked = true;
    }
  }

  private void writeControl(Port port, int value) {
    if ((port.cr & CR_LOCK) != 0) {
      return;
    }
    port.cr = value & ~(CR_STRT | CR_OPTSTRT | CR_OBL_LAUNCH | CR_OPTLOCK);
    if ((value & CR_LOCK) != 0 || (port == ns && (value & CR_OPTLOCK) != 0)) {
      optionsUnlocked = false;
    }
    if ((port.cr & CR_PG) == 0) {
      port.pendingOffset = -1;
    }
    if ((value & CR_LOCK) != 0) {
      return;
    }
    if ((value & CR_STRT) != 0) {
      startErase(port);
    }
    if ((value & CR_OPTSTRT) != 0 && port == ns) {
      if (!optionsUnlocked) {
        port.sr |= SR_OPTWERR;
        return;
      }
      storeOptions(options);
      startBusy();
    }
    if ((value & CR_OBL_LAUNCH) != 0 && port == ns) {
      loadOptions();
    }
  }

  private void startErase(Port port) {
    int cr = port.cr;
    int bankSize = dualBank() ? array().size() / 2 : array().size();
    if ((cr & CR_PER) != 0 && (cr & (CR_PG | CR_MER1 | CR_MER2)) == 0) {
      int page = (cr >>> CR_PNB_SHIFT) & ((1 << variant.pnbBits()) - 1);
      boolean bank2 = (cr & CR_BKER) != 0;
      if ((bank2 && !dualBank()) || (page + 1) * pageSize() > bankSize) {
        port.sr |= SR_PGSERR;
        return;
      }
      array().erase((bank2 ? bankSize : 0) + page * pageSize(), pageSize());
    } else if ((cr & (CR_MER1 | CR_MER2)) != 0 && (cr & (CR_PG | CR_PER)) == 0) {
      if (!dualBank()) {
        array().eraseAll();
      } else {
        if ((cr & CR_MER1) != 0) {
          array().erase(0, bankSize);
        }
        if ((cr & CR_MER2) != 0) {
          array().erase(bankSize, bankSize);
        }
      }
    } else {
      port.sr |= SR_PGSERR;
      return;
    }
    startBusy();
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    writeArrayAt(target.start() + offset, target, offset, size, value);
  }

  @Override
  public void writeArrayAt(int address, FlashArray target, int offset, int size, int value) {
    if (target == optionView) {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true,
          "option bytes change through the FLASH option registers and OPTSTRT");
    }
    boolean secure = trustZone() && Integer.compareUnsigned(address - secureAlias,
        target.size()) < 0;
    Port port = secure ? sec : ns;
    if ((port.cr & CR_LOCK) != 0 || (port.cr & CR_PG) == 0) {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true, String.format(
          "FLASH_%sCR is %s: flash only takes writes while PG is set", secure ? "SEC" : "NS",
          (port.cr & CR_LOCK) != 0 ? "locked" : "without PG"));
    }
    if (size != 4) {
      port.sr |= SR_SIZERR;
      return;
    }
    int unit = variant.programBytes();
    if (port.pendingOffset < 0) {
      if ((offset & (unit - 1)) != 0) {
        port.sr |= SR_PGAERR;
        return;
      }
      port.pendingOffset = offset;
      port.pendingCount = 0;
    } else if (offset != port.pendingOffset + 4 * port.pendingCount) {
      port.pendingOffset = -1;
      port.sr |= SR_PGAERR;
      return;
    }
    if (port.pendingCount == 0 && !target.isErased(port.pendingOffset, unit)) {
      port.pendingOffset = -1;
      port.sr |= SR_PROGERR;
      return;
    }
    target.program(offset, 4, value);
    if (++port.pendingCount * 4 == unit) {
      port.pendingOffset = -1;
      startBusy();
    }
  }

  @Override
  void operationDone() {
    for (Port p : new Port[] {ns, sec}) {
      if ((p.cr & CR_EOPIE) != 0) {
        p.sr |= SR_EOP;
      }
    }
  }
}
