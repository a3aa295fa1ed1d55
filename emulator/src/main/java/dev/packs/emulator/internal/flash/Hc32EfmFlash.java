package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded flash memory unit (EFM at 0x40000800) of the HDSC HC32F120 and HC32M120: FAPRT
 * takes 0x0123 then 0x3210 to open FWMC; FWMC.PEMODE with PEMOD 1 to 3 makes CPU writes into the
 * flash program it (only onto erased cells, else PGMISMTCH), PEMOD 4 erases the 512-byte sector a
 * write lands in and PEMOD 5 the chip. FSR.RDY (bit 8) is clear while an operation runs, for a few
 * polls, and FSR.OPTEND (bit 4) is set when it ends; FSCLR clears the flags.
 */
public final class Hc32EfmFlash extends ControllerBase {
  public static final int DEFAULT_BASE = 0x4000_0800;
  static final int FAPRT = 0x00;
  static final int FWMC = 0x0C;
  static final int FSR = 0x10;
  static final int FSCLR = 0x14;
  static final int FWMC_PEMODE = 1;
  static final int FSR_PEWERR = 1;
  static final int FSR_PEPRTERR = 1 << 1;
  static final int FSR_PGSZERR = 1 << 2;
  static final int FSR_PGMISMTCH = 1 << 3;
  static final int FSR_OPTEND = 1 << 4;
  static final int FSR_RDY = 1 << 8;

  private final Map<Integer, Integer> registers = new HashMap<>();
  private int keyStep;
  private int fsr;

  public Hc32EfmFlash(int base, FlashArray main, int busyPolls) {
    super("EFM", base, 0x400, main, Map.of(FAPRT, "FAPRT", 0x04, "FSTP", 0x08, "FRMC", FWMC,
        "FWMC", FSR, "FSR", FSCLR, "FSCLR", 0x18, "FITE", 0x1C, "FSWP"), busyPolls);
    reset();
  }

  @Override
  public void reset() {
    registers.clear();
    keyStep = 0;
    fsr = 0;
    clearBusy();
  }

  private boolean open() {
    return keyStep == 2;
  }

  @Override
  public int read(int offset, int size) {
    requireWord(offset, size, false);
    return switch (offset) {
      case FAPRT -> open() ? 1 : 0;
      case FSR -> fsr | (pollBusy() ? 0 : FSR_RDY);
      default -> registers.getOrDefault(offset, 0);
    };
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    switch (offset) {
      case FAPRT -> keyStep = keyStep == 0 && (value & 0xFFFF) == 0x0123 ? 1
          : keyStep == 1 && (value & 0xFFFF) == 0x3210 ? 2 : 0;
      case FSCLR -> fsr &= ~(value & 0x3F);
      case FSR -> { }
      case FWMC -> {
        if (open()) {
          registers.put(FWMC, value);
        }
      }
      default -> registers.put(offset, value);
    }
  }

  private int mode() {
    int fwmc = registers.getOrDefault(FWMC, 0);
    return (fwmc & FWMC_PEMODE) == 0 ? 0 : (fwmc >>> 4) & 7;
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    int mode = mode();
    int address = target.start() + offset;
    switch (mode) {
      case 1, 2, 3 -> {
        if ((offset & (size - 1)) != 0) {
          fsr |= FSR_PGSZERR;
          return;
        }
        if (!target.canProgram(offset, size, value)) {
          fsr |= FSR_PGMISMTCH;
          return;
        }
        target.program(offset, size, value);
      }
      case 4 -> target.eraseSectorAt(offset);
      case 5 -> target.eraseAll();
      default -> throw new BusFault(BusFault.Kind.READ_ONLY, address, true,
          "EFM_FWMC has no program or erase mode set (PEMODE/PEMOD)");
    }
    startBusy();
  }

  @Override
  void operationDone() {
    fsr |= FSR_OPTEND;
  }
}
