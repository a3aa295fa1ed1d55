package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.HashMap;
import java.util.Map;

/**
 * The STM32F0/F1/F3 flash program and erase controller (FPEC at 0x40022000) and the controllers
 * that copy it: GigaDevice GD32 FMC, MindMotion MM32, Artery, HK32. KEYR unlocks CR, OPTKEYR sets
 * OPTWRE; PER with AR and STRT erases the page holding AR, MER the bank, OPTER the option bytes;
 * PG programs half-words (GD32 also words) that must land on erased cells unless they are zero, else
 * PGERR; OPTPG programs the option bytes at 0x1FFFF800. SR BSY stays set for a few polls and EOP
 * follows. Devices with more than 512 KiB (GD32 XD/CL) have a second register set at +0x40 for the
 * flash above the first 512 KiB, as the GD32 FMC does.
 */
public final class Stm32f1Flash extends ControllerBase {
  public static final int DEFAULT_BASE = 0x4002_2000;
  /** Where the option bytes live on every member of the family. */
  public static final int OPTION_BYTES = 0x1FFF_F800;
  static final int ACR = 0x00;
  static final int KEYR = 0x04;
  static final int OPTKEYR = 0x08;
  static final int SR = 0x0C;
  static final int CR = 0x10;
  static final int AR = 0x14;
  static final int OBR = 0x1C;
  static final int WRPR = 0x20;
  static final int BANK1 = 0x40;
  static final int KEY1 = Stm32KeySequence.KEY1;
  static final int KEY2 = Stm32KeySequence.KEY2;
  static final int SR_BSY = 1;
  static final int SR_PGERR = 1 << 2;
  static final int SR_WRPRTERR = 1 << 4;
  static final int SR_EOP = 1 << 5;
  static final int CR_PG = 1;
  static final int CR_PER = 1 << 1;
  static final int CR_MER = 1 << 2;
  static final int CR_OPTPG = 1 << 4;
  static final int CR_OPTER = 1 << 5;
  static final int CR_STRT = 1 << 6;
  static final int CR_LOCK = 1 << 7;
  static final int CR_OPTWRE = 1 << 9;
  static final int CR_ERRIE = 1 << 10;
  static final int CR_EOPIE = 1 << 12;
  static final int CR_OBL_LAUNCH = 1 << 13;
  private static final int CR_WRITABLE = CR_PG | CR_PER | CR_MER | CR_OPTPG | CR_OPTER
      | CR_ERRIE | CR_EOPIE;

  /**
   * How one member of the family differs: whether 32-bit program writes are allowed (GD32 FMC),
   * where the second bank starts ({@code 0} for none), and whether OBR has the F0/F3 layout
   * (RDPRT in bits 2:1, USER in 15:8) rather than the F1 one (RDPRT bit 1, USER from bit 2).
   */
  public record Variant(String name, boolean wordProgram, int bank1Offset, boolean f3Obr) {}

  private final Variant variant;
  private final FlashArray options;
  private final Bank[] banks = {new Bank(), new Bank()};
  private int acr;
  private boolean optKey1Seen;
  private boolean optionsUnlocked;
  private int obr;

  /** The registers of one bank. */
  private static final class Bank {
    int cr;
    int sr;
    int ar;
    final Stm32KeySequence keys = new Stm32KeySequence(CR_LOCK, false);
  }

  public Stm32f1Flash(int base, FlashArray main, FlashArray options, Variant variant,
      int busyPolls) {
    super(variant.name(), base, 0x400, main, names(variant), busyPolls);
    this.variant = variant;
    this.options = addArray(options);
    reset();
  }

  private static Map<Integer, String> names(Variant variant) {
    boolean gd = variant.name().equals("FMC");
    Map<Integer, String> names = new HashMap<>(Map.of(ACR, gd ? "WS" : "ACR",
        KEYR, gd ? "KEY0" : "KEYR", OPTKEYR, gd ? "OBKEY" : "OPTKEYR", SR, gd ? "STAT0" : "SR",
        CR, gd ? "CTL0" : "CR", AR, gd ? "ADDR0" : "AR", OBR, gd ? "OBSTAT" : "OBR",
        WRPR, gd ? "WP" : "WRPR"));
    if (variant.bank1Offset() != 0) {
      names.putAll(Map.of(BANK1 + KEYR, gd ? "KEY1" : "KEYR2", BANK1 + SR, gd ? "STAT1" : "SR2",
          BANK1 + CR, gd ? "CTL1" : "CR2", BANK1 + AR, gd ? "ADDR1" : "AR2"));
    }
    return names;
  }

  @Override
  public void reset() {
    for (Bank b : banks) {
      b.cr = CR_LOCK;
      b.sr = 0;
      b.ar = 0;
      b.keys.reset();
    }
    acr = 0x30;
    optKey1Seen = false;
    optionsUnlocked = false;
    obr = loadOptionBytes();
    clearBusy();
  }

  /** OBR as the option byte loader fills it from the option bytes. */
  private int loadOptionBytes() {
    int rdp = options.read(0, 1);
    int user = options.read(2, 1);
    int data0 = options.read(4, 1);
    int data1 = options.read(6, 1);
    boolean error = false;
    for (int i = 0; i < options.size(); i += 2) {
      int value = options.read(i, 1);
      int complement = options.read(i + 1, 1);
      if ((value ^ complement) != 0xFF && !(value == 0xFF && complement == 0xFF)) {
        error = true;
      }
    }
    int level = rdp == 0xAA || rdp == 0xA5 ? 0 : rdp == 0xCC ? 3 : 1;
    if (variant.f3Obr()) {
      return (error ? 1 : 0) | level << 1 | user << 8 | data0 << 16 | data1 << 24;
    }
    return (error ? 1 : 0) | (level != 0 ? 2 : 0) | user << 2 | data0 << 10 | data1 << 18;
  }

  private Bank bankOf(int offset) {
    return variant.bank1Offset() != 0 && offset >= BANK1 ? banks[1] : banks[0];
  }

  /** The bank that programs and erases {@code offset} of the main array. */
  private Bank bankFor(int arrayOffset) {
    return variant.bank1Offset() != 0 && arrayOffset >= variant.bank1Offset() ? banks[1]
        : banks[0];
  }

  @Override
  public int read(int offset, int size) {
    if (size != 4 || (offset & 3) != 0) {
      return readNarrow(offset, size);
    }
    int local = variant.bank1Offset() != 0 && offset >= BANK1 ? offset - BANK1 : offset;
    Bank bank = bankOf(offset);
    return switch (local) {
      case ACR -> offset < BANK1 ? acr : 0;
      case SR -> pollBusy() ? bank.sr | SR_BSY : bank.sr;
      case CR -> bank.cr | (optionsUnlocked && bank == banks[0] ? CR_OPTWRE : 0);
      case AR -> bank.ar;
      case OBR -> offset < BANK1 ? obr : 0;
      case WRPR -> offset < BANK1 ? -1 : 0;
      default -> 0;
    };
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    int local = variant.bank1Offset() != 0 && offset >= BANK1 ? offset - BANK1 : offset;
    Bank bank = bankOf(offset);
    switch (local) {
      case ACR -> acr = offset < BANK1 ? value & 0x3F : acr;
      case KEYR -> writeKey(bank, value);
      case OPTKEYR -> writeOptionKey(value);
      case SR -> bank.sr &= ~(value & (SR_PGERR | SR_WRPRTERR | SR_EOP));
      case CR -> writeControl(bank, value);
      case AR -> bank.ar = value;
      default -> { }
    }
  }

  private void writeKey(Bank bank, int value) {
    bank.cr = bank.keys.write(bank.cr, value);
    if (!bank.keys.refused()) {
      return;
    }
    throw new BusFault(BusFault.Kind.READ_ONLY, base() + KEYR, true, String.format(
        "wrong %s_KEYR sequence (0x%08X); CR stays locked until reset", name(), value));
  }

  private void writeOptionKey(int value) {
    if (!optKey1Seen && value == KEY1) {
      optKey1Seen = true;
    } else if (optKey1Seen && value == KEY2 && (banks[0].cr & CR_LOCK) == 0) {
      optKey1Seen = false;
      optionsUnlocked = true;
    } else {
      optKey1Seen = false;
    }
  }

  private void writeControl(Bank bank, int value) {
    if ((bank.cr & CR_LOCK) != 0) {
      return;
    }
    if (bank == banks[0] && (value & CR_OPTWRE) == 0) {
      optionsUnlocked = false;
    }
    bank.cr = (value & CR_WRITABLE) | (value & CR_LOCK);
    if ((value & CR_LOCK) != 0) {
      optionsUnlocked = bank == banks[0] ? false : optionsUnlocked;
      return;
    }
    if ((value & CR_STRT) != 0) {
      start(bank);
    }
    if ((value & CR_OBL_LAUNCH) != 0 && bank == banks[0]) {
      obr = loadOptionBytes();
    }
  }

  private void start(Bank bank) {
    if ((bank.cr & CR_PER) != 0) {
      int offset = mainOffset(bank.ar);
      if (offset < 0 || bankFor(offset) != bank) {
        bank.sr |= SR_WRPRTERR;
        return;
      }
      array().eraseSectorAt(offset);
    } else if ((bank.cr & CR_MER) != 0) {
      if (variant.bank1Offset() == 0 || variant.bank1Offset() >= array().size()) {
        array().eraseAll();
      } else if (bank == banks[0]) {
        array().erase(0, variant.bank1Offset());
      } else {
        array().erase(variant.bank1Offset(), array().size() - variant.bank1Offset());
      }
    } else if ((bank.cr & CR_OPTER) != 0 && bank == banks[0] && optionsUnlocked) {
      options.eraseAll();
    } else {
      return;
    }
    startBusy();
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    if (target == options) {
      programOptions(offset, size, value);
      return;
    }
    Bank bank = bankFor(offset);
    int address = target.start() + offset;
    if ((bank.cr & CR_LOCK) != 0 || (bank.cr & CR_PG) == 0) {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true, String.format(
          "%s_CR%s is %s: flash only takes writes while PG is set", name(),
          bank == banks[1] ? "1" : "", (bank.cr & CR_LOCK) != 0 ? "locked" : "without PG"));
    }
    if (size != 2 && !(size == 4 && variant.wordProgram())) {
      throw new BusFault(BusFault.Kind.BAD_SIZE, address, true, name()
          + (variant.wordProgram() ? " programs half-words or words" : " programs half-words only"));
    }
    program(bank, target, offset, size, value);
  }

  private void programOptions(int offset, int size, int value) {
    Bank bank = banks[0];
    if ((bank.cr & CR_OPTPG) == 0 || !optionsUnlocked) {
      throw new BusFault(BusFault.Kind.READ_ONLY, options.start() + offset, true,
          name() + " option bytes take writes only with OPTWRE and OPTPG set");
    }
    if (size != 2) {
      throw new BusFault(BusFault.Kind.BAD_SIZE, options.start() + offset, true,
          name() + " programs option bytes by half-words");
    }
    program(bank, options, offset, size, value);
  }

  /** Programs erased cells, or clears them to zero; anything else is PGERR and changes nothing. */
  private void program(Bank bank, FlashArray target, int offset, int size, int value) {
    int mask = size == 4 ? -1 : 0xFFFF;
    boolean erased = target.read(offset, size) == mask;
    if (!erased && (value & mask) != 0) {
      bank.sr |= SR_PGERR;
      return;
    }
    target.program(offset, size, value);
    startBusy();
  }

  @Override
  void operationDone() {
    for (Bank b : banks) {
      b.sr |= SR_EOP;
    }
  }
}
