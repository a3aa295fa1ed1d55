package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.Map;

/**
 * The NXP/Freescale Kinetis flash memory module (FTFA, FTFL, FTFE at 0x40020000): a command is
 * written into the FCCOB registers (FCCOB0 the command, FCCOB1..3 the address, FCCOB4.. the data,
 * big-endian within each word so a 32-bit write of the data word lands little-endian) and launched
 * by writing 1 to FSTAT.CCIF, which then reads 0 for a few polls. Erase Flash Sector (0x09), Program
 * Longword (0x06, FTFA/FTFL) or Program Phrase (0x07, FTFE), Erase All Blocks (0x44) and the read-1s
 * checks (0x01, 0x40) are modelled; a misaligned or out-of-range command sets ACCERR, a program
 * that would turn a 0 back into 1 sets MGSTAT0. The flash itself cannot be written by the CPU.
 */
public final class KinetisFtfx extends ControllerBase {
  public static final int DEFAULT_BASE = 0x4002_0000;
  static final int FSTAT = 0x00;
  static final int FCCOB3 = 0x04;
  static final int FCCOB7 = 0x08;
  static final int FCCOBB = 0x0C;
  static final int CCIF = 0x80;
  static final int RDCOLERR = 0x40;
  static final int ACCERR = 0x20;
  static final int FPVIOL = 0x10;
  static final int MGSTAT0 = 0x01;
  static final int CMD_RD1SEC = 0x01;
  static final int CMD_PGM4 = 0x06;
  static final int CMD_PGM8 = 0x07;
  static final int CMD_ERSSCR = 0x09;
  static final int CMD_RD1ALL = 0x40;
  static final int CMD_ERSALL = 0x44;

  private final int phrase;
  private final byte[] registers = new byte[0x20];
  private int fstat;

  /** {@code phrase}: 4 for the FTFA/FTFL (Program Longword), 8 for the FTFE (Program Phrase). */
  public KinetisFtfx(int base, FlashArray main, int phrase, int busyPolls) {
    super(phrase == 8 ? "FTFE" : "FTFA", base, 0x1000, main, Map.of(FSTAT, "FSTAT_FCNFG_FSEC_FOPT",
        FCCOB3, "FCCOB3_0", FCCOB7, "FCCOB7_4", FCCOBB, "FCCOBB_8", 0x10, "FPROT3_0",
        0x14, "FEPROT_FDPROT"), busyPolls);
    this.phrase = phrase;
    reset();
  }

  @Override
  public void reset() {
    java.util.Arrays.fill(registers, (byte) 0);
    registers[0x02] = (byte) 0xFE;
    registers[0x03] = (byte) 0xFF;
    for (int i = 0x10; i < 0x18; i++) {
      registers[i] = (byte) 0xFF;
    }
    fstat = CCIF;
    clearBusy();
  }

  private int byteAt(int offset) {
    if (offset == FSTAT) {
      return busy() ? (pollBusy() ? fstat & ~CCIF : fstat) : fstat;
    }
    return offset < registers.length ? registers[offset] & 0xFF : 0;
  }

  @Override
  public int read(int offset, int size) {
    int value = 0;
    for (int i = 0; i < size; i++) {
      value |= byteAt(offset + i) << (8 * i);
    }
    return value;
  }

  @Override
  public void write(int offset, int size, int value) {
    for (int i = 0; i < size; i++) {
      writeByte(offset + i, (value >>> (8 * i)) & 0xFF);
    }
  }

  private void writeByte(int offset, int value) {
    if (offset == FSTAT) {
      fstat &= ~(value & (RDCOLERR | ACCERR | FPVIOL));
      if ((value & CCIF) != 0 && (fstat & CCIF) != 0) {
        launch();
      }
      return;
    }
    if (offset >= FCCOB3 && offset < 0x10) {
      registers[offset] = (byte) value;
    }
  }

  /** FCCOBn: n = 0..11, laid out big-endian in three words from FCCOB3. */
  private int fccob(int n) {
    return registers[FCCOB3 + (n & ~3) + 3 - (n & 3)] & 0xFF;
  }

  private void launch() {
    fstat &= ~MGSTAT0;
    if ((fstat & (ACCERR | FPVIOL)) != 0) {
      return;
    }
    int command = fccob(0);
    int address = fccob(1) << 16 | fccob(2) << 8 | fccob(3);
    int offset = address - array().start();
    switch (command) {
      case CMD_ERSSCR -> {
        if (!array().contains(offset)) {
          fstat |= ACCERR;
          return;
        }
        array().eraseSectorAt(offset);
      }
      case CMD_PGM4, CMD_PGM8 -> {
        if (!program(command, offset)) {
          return;
        }
      }
      case CMD_ERSALL -> array().eraseAll();
      case CMD_RD1SEC, CMD_RD1ALL -> {
        int at = command == CMD_RD1ALL ? 0 : offset;
        int length = command == CMD_RD1ALL ? array().size()
            : (fccob(4) << 8 | fccob(5)) * phrase;
        if (!array().contains(at) || at + length > array().size()) {
          fstat |= ACCERR;
          return;
        }
        if (!array().isErased(at, length)) {
          fstat |= MGSTAT0;
        }
      }
      default -> {
        fstat |= ACCERR;
        return;
      }
    }
    fstat &= ~CCIF;
    startBusy();
  }

  /** False when the command is refused (ACCERR): it never starts. */
  private boolean program(int command, int offset) {
    int unit = command == CMD_PGM8 ? 8 : 4;
    if (unit != phrase || (offset & (unit - 1)) != 0 || !array().contains(offset)) {
      fstat |= ACCERR;
      return false;
    }
    int low = fccob(7) | fccob(6) << 8 | fccob(5) << 16 | fccob(4) << 24;
    int high = fccob(11) | fccob(10) << 8 | fccob(9) << 16 | fccob(8) << 24;
    if (!array().canProgram(offset, 4, low)
        || (unit == 8 && !array().canProgram(offset + 4, 4, high))) {
      fstat |= MGSTAT0;
      return true;
    }
    array().program(offset, 4, low);
    if (unit == 8) {
      array().program(offset + 4, 4, high);
    }
    return true;
  }

  @Override
  void operationDone() {
    fstat |= CCIF;
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    throw new BusFault(BusFault.Kind.READ_ONLY, target.start() + offset, true,
        "Kinetis flash is written through FTFx commands (FCCOB, FSTAT.CCIF), not by stores");
  }
}
