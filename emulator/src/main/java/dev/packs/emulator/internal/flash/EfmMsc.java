package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.Peripheral;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.Map;

/**
 * The Silicon Labs EFM32/EFR32 memory system controller (MSC; at 0x400E0000 on Series 1, 0x40030000
 * on Series 2, where SET, CLR and TGL aliases of every register sit 0x1000, 0x2000 and 0x3000
 * above): LOCK takes 0x1B71 to open the write and erase registers, WRITECTRL.WREN enables them;
 * ADDRB names the page or word (loaded with WRITECMD.LADDRIM on Series 1, directly on Series 2);
 * WRITECMD.ERASEPAGE erases that page, ERASEMAIN0 the whole flash; a word written to WDATA is
 * programmed at the address (with WRITEONCE or WRITETRIG on Series 1), which then steps on by four.
 * STATUS.BUSY stays set for a few polls; LOCKED and INVADDR report refusals.
 */
public final class EfmMsc extends ControllerBase {
  static final int LOCK_KEY = 0x1B71;
  static final int WREN = 1;
  static final int LADDRIM = 1;
  static final int ERASEPAGE = 1 << 1;
  static final int WRITEONCE = 1 << 3;
  static final int WRITETRIG = 1 << 4;
  static final int ERASEMAIN0 = 1 << 8;
  static final int BUSY = 1;
  static final int LOCKED = 1 << 1;
  static final int INVADDR = 1 << 2;
  static final int WDATAREADY = 1 << 3;

  /** Where a series keeps its registers. */
  public record Layout(int writectrl, int writecmd, int addrb, int wdata, int status, int lock,
      boolean series2) {}

  public static final Layout SERIES1 = new Layout(0x08, 0x0C, 0x10, 0x18, 0x1C, 0x40, false);
  public static final Layout SERIES2 = new Layout(0x0C, 0x10, 0x14, 0x18, 0x1C, 0x3C, true);

  private final Layout layout;
  private boolean locked;
  private int writectrl;
  private int addrb;
  private int address;
  private int wdata;
  private boolean wdataLoaded;
  private int flags;

  public EfmMsc(int base, FlashArray main, Layout layout, int busyPolls) {
    super("MSC", base, layout.series2() ? 0x4000 : 0x400, main, Map.of(layout.writectrl(),
        "WRITECTRL", layout.writecmd(), "WRITECMD", layout.addrb(), "ADDRB", layout.wdata(),
        "WDATA", layout.status(), "STATUS", layout.lock(), "LOCK"), busyPolls);
    this.layout = layout;
    reset();
  }

  @Override
  public void reset() {
    locked = true;
    writectrl = 0;
    addrb = 0;
    address = 0;
    wdataLoaded = false;
    flags = 0;
    clearBusy();
  }

  @Override
  public java.util.Optional<String> registerName(int offset) {
    return super.registerName(offset & 0xFFF);
  }

  private int register(int offset) {
    if (offset == layout.status()) {
      boolean busy = pollBusy();
      return (busy ? BUSY : WDATAREADY) | flags | (locked ? LOCKED : 0);
    }
    if (offset == layout.writectrl()) {
      return writectrl;
    }
    if (offset == layout.addrb()) {
      return addrb;
    }
    if (offset == layout.lock()) {
      return locked ? 1 : 0;
    }
    return 0;
  }

  @Override
  public int read(int offset, int size) {
    return Peripheral.narrow(register(offset & 0xFFC), offset, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    requireWord(offset, size, true);
    int alias = layout.series2() ? offset >>> 12 : 0;
    int register = offset & 0xFFF;
    int old = register == layout.writectrl() ? writectrl : register == layout.addrb() ? addrb : 0;
    int v = switch (alias) {
      case 1 -> old | value;
      case 2 -> old & ~value;
      case 3 -> old ^ value;
      default -> value;
    };
    if (register == layout.lock()) {
      locked = (value & 0xFFFF) != LOCK_KEY;
    } else if (register == layout.writectrl()) {
      writectrl = locked ? writectrl : v;
    } else if (register == layout.addrb()) {
      addrb = v;
      if (layout.series2()) {
        address = v;
      }
    } else if (register == layout.wdata()) {
      writeData(value);
    } else if (register == layout.writecmd()) {
      command(alias == 2 ? 0 : value);
    }
  }

  private boolean refused() {
    if (locked || (writectrl & WREN) == 0) {
      flags |= LOCKED;
      return true;
    }
    return false;
  }

  private void command(int value) {
    flags &= ~(INVADDR | LOCKED);
    if ((value & LADDRIM) != 0 && !layout.series2()) {
      address = addrb;
    }
    if ((value & ERASEPAGE) != 0 && !refused()) {
      int offset = address - array().start();
      if (!array().contains(offset)) {
        flags |= INVADDR;
        return;
      }
      array().eraseSectorAt(offset);
      startBusy();
    } else if ((value & ERASEMAIN0) != 0 && !refused()) {
      array().eraseAll();
      startBusy();
    } else if ((value & (WRITEONCE | WRITETRIG)) != 0 && wdataLoaded) {
      program(wdata);
    }
  }

  private void writeData(int value) {
    if (layout.series2()) {
      program(value);
    } else {
      wdata = value;
      wdataLoaded = true;
    }
  }

  private void program(int value) {
    wdataLoaded = false;
    if (refused()) {
      return;
    }
    int offset = address - array().start();
    if ((offset & 3) != 0 || !array().contains(offset)) {
      flags |= INVADDR;
      return;
    }
    array().program(offset, 4, value);
    address += 4;
    startBusy();
  }

  @Override
  public void writeArray(FlashArray target, int offset, int size, int value) {
    throw new BusFault(BusFault.Kind.READ_ONLY, target.start() + offset, true,
        "EFM32/EFR32 flash is written through the MSC (ADDRB, WDATA, WRITECMD), not by stores");
  }
}
