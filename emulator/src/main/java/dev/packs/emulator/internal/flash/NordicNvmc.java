package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.Map;

/**
 * The Nordic non-volatile memory controller: nRF51/nRF52 (NVMC at 0x4001E000) and nRF53/nRF91
 * (0x50039000). CONFIG (and CONFIGNS on the nRF53/91) selects read-only, write enable (WEN) or
 * erase enable (EEN); ERASEPAGE takes the address of a page on the nRF51/52, while the nRF53/91 have
 * no such register and erase a page when 0xFFFFFFFF is written to its first word with EEN set;
 * ERASEALL erases the array; READY reads 0 while an operation runs. Writes go in 32-bit words and
 * only clear bits.
 */
public final class NordicNvmc extends ControllerBase {
  public static final int DEFAULT_BASE = 0x4001_E000;
  static final int READY = 0x400;
  static final int READYNEXT = 0x408;
  static final int CONFIG = 0x504;
  static final int ERASEPAGE = 0x508;
  static final int ERASEALL = 0x50C;
  static final int ERASEPCR0 = 0x510;
  static final int ERASEUICR = 0x514;
  static final int ICACHECNF = 0x540;
  static final int CONFIGNS = 0x584;
  static final int CONFIG_WEN = 1;
  static final int CONFIG_EEN = 2;

  private final boolean eraseByWrite;
  private int config;
  private int icachecnf;

  public NordicNvmc(int base, FlashArray array, int busyPolls) {
    this(base, array, false, busyPolls);
  }

  /** {@code eraseByWrite}: the nRF53/91 way, 0xFFFFFFFF to a page's first word erases it. */
  public NordicNvmc(int base, FlashArray array, boolean eraseByWrite, int busyPolls) {
    super("NVMC", base, 0x1000, array, Map.of(READY, "READY", READYNEXT, "READYNEXT",
        CONFIG, "CONFIG", ERASEPAGE, "ERASEPAGE", ERASEALL, "ERASEALL", ERASEPCR0, "ERASEPCR0",
        ERASEUICR, "ERASEUICR", ICACHECNF, "ICACHECNF", CONFIGNS, "CONFIGNS"), busyPolls);
    this.eraseByWrite = eraseByWrite;
    reset();
  }

  @Override
  public void reset() {
    config = 0;
    icachecnf = 0;
    clearBusy();
  }

  @Override
  public int read(int offset, int size) {
    requireWord(offset, size, false);
    return switch (offset) {
      case READY, READYNEXT -> pollBusy() ? 0 : 1;
      case CONFIG, CONFIGNS -> config;
      case ICACHECNF -> icachecnf;
      default -> 0;
    };
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    switch (offset) {
      case CONFIG, CONFIGNS -> config = value & 3;
      case ERASEPAGE, ERASEPCR0 -> {
        if (!eraseByWrite) {
          erasePage(value);
        }
      }
      case ERASEALL -> {
        if ((value & 1) != 0 && config == CONFIG_EEN) {
          array().eraseAll();
          startBusy();
        }
      }
      case ICACHECNF -> icachecnf = value & 0x101;
      default -> { }
    }
  }

  private void erasePage(int address) {
    if (config != CONFIG_EEN || !inArray(address)) {
      return;
    }
    array().eraseSectorAt(address - array().start());
    startBusy();
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    int address = array().start() + offset;
    if (eraseByWrite && config == CONFIG_EEN && value == -1 && size == 4) {
      {
        int pageStart = array().sectors().sectorAt(offset).offset();
        if (pageStart != offset) {
          throw new BusFault(BusFault.Kind.READ_ONLY, address, true,
              "with CONFIG=EEN a page is erased by writing 0xFFFFFFFF to its first word");
        }
      }
      array().eraseSectorAt(offset);
      startBusy();
      return;
    }
    if (config != CONFIG_WEN) {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true, "NVMC CONFIG is not WEN");
    }
    if (size != 4 || (offset & 3) != 0) {
      throw new BusFault(BusFault.Kind.BAD_SIZE, address, true,
          "the NVMC writes aligned 32-bit words only");
    }
    array().program(offset, 4, value);
    startBusy();
  }

}
