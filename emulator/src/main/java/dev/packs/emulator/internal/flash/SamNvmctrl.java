package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.Peripheral;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.Arrays;
import java.util.Map;

/**
 * The Microchip (Atmel) SAM D/L/C non-volatile memory controller (NVMCTRL at 0x41004000, SAMD21
 * style): CPU writes into the flash fill a page buffer; CTRLA takes a command with the key 0xA5
 * in CMDEX: ER erases the row (four pages) at ADDR (a 16-bit word address), WP writes the page
 * buffer into the page the last buffer write fell in, PBC clears the buffer. With CTRLB.MANW clear,
 * a page is written as soon as its last word is loaded. A command without the key sets
 * STATUS.PROGE and INTFLAG.ERROR; a page write that would turn a 0 back into 1 sets STATUS.NVME.
 * INTFLAG.READY reads 0 for a few polls after each command.
 */
public final class SamNvmctrl extends ControllerBase {
  public static final int DEFAULT_BASE = 0x4100_4000;
  static final int CTRLA = 0x00;
  static final int CTRLB = 0x04;
  static final int PARAM = 0x08;
  static final int INTFLAG = 0x14;
  static final int STATUS = 0x18;
  static final int ADDR = 0x1C;
  static final int LOCK = 0x20;
  static final int CMD_ER = 0x02;
  static final int CMD_WP = 0x04;
  static final int CMD_PBC = 0x44;
  static final int KEY = 0xA5;
  static final int INTFLAG_READY = 1;
  static final int INTFLAG_ERROR = 1 << 1;
  static final int STATUS_PROGE = 1 << 2;
  static final int STATUS_LOCKE = 1 << 3;
  static final int STATUS_NVME = 1 << 4;
  static final int CTRLB_MANW = 1 << 7;

  private final int pageSize;
  private final byte[] buffer;
  private int ctrlb;
  private int status;
  private int error;
  private int addr;
  private int bufferPage = -1;

  public SamNvmctrl(int base, FlashArray main, int pageSize, int busyPolls) {
    super("NVMCTRL", base, 0x100, main, Map.of(CTRLA, "CTRLA", CTRLB, "CTRLB", PARAM, "PARAM",
        INTFLAG, "INTFLAG", STATUS, "STATUS", ADDR, "ADDR", LOCK, "LOCK"), busyPolls);
    this.pageSize = pageSize;
    this.buffer = new byte[pageSize];
    reset();
  }

  @Override
  public void reset() {
    ctrlb = 0;
    status = 0;
    error = 0;
    addr = 0;
    Arrays.fill(buffer, (byte) 0xFF);
    bufferPage = -1;
    clearBusy();
  }

  private int register(int offset) {
    return switch (offset) {
      case CTRLB -> ctrlb;
      case PARAM -> (array().size() / pageSize) | Integer.numberOfTrailingZeros(pageSize / 8) << 16;
      case INTFLAG -> (pollBusy() ? 0 : INTFLAG_READY) | error;
      case STATUS -> status;
      case ADDR -> addr;
      case LOCK -> 0xFFFF;
      default -> 0;
    };
  }

  @Override
  public int read(int offset, int size) {
    return Peripheral.narrow(register(offset & ~3), offset, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    int aligned = offset & ~3;
    int shifted = value << (8 * (offset & 3));
    switch (aligned) {
      case CTRLA -> command(shifted & 0xFFFF);
      case CTRLB -> ctrlb = shifted;
      case INTFLAG -> error &= ~(shifted & INTFLAG_ERROR);
      case STATUS -> status &= ~(shifted & 0x1E);
      case ADDR -> addr = shifted & 0x3F_FFFF;
      default -> { }
    }
  }

  private void command(int value) {
    if ((value >>> 8) != KEY) {
      status |= STATUS_PROGE;
      error |= INTFLAG_ERROR;
      return;
    }
    int byteAddress = addr * 2;
    switch (value & 0x7F) {
      case CMD_ER -> {
        int row = 4 * pageSize;
        int offset = byteAddress - array().start();
        if (!array().contains(offset)) {
          status |= STATUS_PROGE;
          error |= INTFLAG_ERROR;
          return;
        }
        array().erase(offset / row * row, row);
      }
      case CMD_WP -> writePage();
      case CMD_PBC -> {
        Arrays.fill(buffer, (byte) 0xFF);
        bufferPage = -1;
      }
      default -> {
        status |= STATUS_PROGE;
        error |= INTFLAG_ERROR;
        return;
      }
    }
    startBusy();
  }

  private void writePage() {
    if (bufferPage < 0) {
      return;
    }
    int offset = bufferPage * pageSize;
    for (int i = 0; i < pageSize; i += 4) {
      int value = (buffer[i] & 0xFF) | (buffer[i + 1] & 0xFF) << 8 | (buffer[i + 2] & 0xFF) << 16
          | (buffer[i + 3] & 0xFF) << 24;
      if (!array().canProgram(offset + i, 4, value)) {
        status |= STATUS_NVME;
        error |= INTFLAG_ERROR;
      }
      array().program(offset + i, 4, value);
    }
    Arrays.fill(buffer, (byte) 0xFF);
    bufferPage = -1;
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    if (size == 1) {
      throw new BusFault(BusFault.Kind.BAD_SIZE, target.start() + offset, true,
          "the NVMCTRL page buffer takes 16- and 32-bit writes only");
    }
    int page = offset / pageSize;
    if (bufferPage >= 0 && page != bufferPage) {
      Arrays.fill(buffer, (byte) 0xFF);
    }
    bufferPage = page;
    addr = (target.start() + offset) / 2;
    int inPage = offset % pageSize;
    for (int i = 0; i < size; i++) {
      buffer[inPage + i] = (byte) (value >>> (8 * i));
    }
    if ((ctrlb & CTRLB_MANW) == 0 && inPage + size == pageSize) {
      writePage();
      startBusy();
    }
  }
}
