package dev.packs.probe.internal.sim;

import dev.packs.probe.internal.arm.Adi;

/**
 * An AHB-AP as ADIv5 describes it: CSW (size, auto-increment), TAR, DRW, the banked registers
 * BD0-BD3, CFG, BASE and IDR. Auto-increment moves only the TAR bits below the wrap (1 KiB, or 4
 * KiB for the M3/M4 AHB-AP), and TAR does not move when an access fails.
 */
public final class SimulatedMemAp {
  private final SimulatedCore core;
  private final int idr;
  private final int wrap;
  private int csw = Adi.CSW_AHB_DEFAULT | Adi.CSW_DEVICEEN | Adi.CSW_SIZE32;
  private long tar;

  public SimulatedMemAp(SimulatedCore core, int idr) {
    this.core = core;
    this.idr = idr;
    this.wrap = Adi.wrap(idr);
  }

  public int wrap() {
    return wrap;
  }

  /** Reads AP register {@code register} (0x00-0xFC). */
  int read(int register) throws BusError {
    return switch (register) {
      case Adi.AP_CSW -> csw;
      case Adi.AP_TAR -> (int) tar;
      case Adi.AP_DRW -> drw(false, 0);
      case 0x10, 0x14, 0x18, 0x1C -> banked(register, false, 0);
      case Adi.AP_CFG -> 0;
      case Adi.AP_BASE -> 0xE00F_F003;
      case Adi.AP_IDR -> idr;
      default -> 0;
    };
  }

  void write(int register, int value) throws BusError {
    switch (register) {
      case Adi.AP_CSW -> csw = (value & ~Adi.CSW_TRINPROG) | Adi.CSW_DEVICEEN;
      case Adi.AP_TAR -> tar = Integer.toUnsignedLong(value);
      case Adi.AP_DRW -> drw(true, value);
      case 0x10, 0x14, 0x18, 0x1C -> banked(register, true, value);
      default -> { }
    }
  }

  private int size() throws BusError {
    return switch (csw & Adi.CSW_SIZE_MASK) {
      case Adi.CSW_SIZE8 -> 1;
      case Adi.CSW_SIZE16 -> 2;
      case Adi.CSW_SIZE32 -> 4;
      default -> throw new BusError(tar); // sizes above 32 bits are not implemented
    };
  }

  private int drw(boolean write, int value) throws BusError {
    int size = size();
    int value32 = access(tar, size, write, value);
    if ((csw & Adi.CSW_ADDRINC_MASK) == Adi.CSW_ADDRINC_SINGLE) {
      long low = (tar + size) & (wrap - 1);
      tar = (tar & ~(long) (wrap - 1)) | low;
    }
    return value32;
  }

  private int banked(int register, boolean write, int value) throws BusError {
    long address = (tar & ~0xFL) | (register & 0xC);
    return access(address, size(), write, value);
  }

  /** One access of {@code size} bytes; the data sits on the byte lanes of the address. */
  private int access(long address, int size, boolean write, int value) throws BusError {
    if ((address & (size - 1)) != 0) {
      throw new BusError(address);
    }
    int lane = (int) (address & 3) * 8;
    if (write) {
      int data = size == 4 ? value : (value >>> lane) & ((1 << (8 * size)) - 1);
      core.write(address, size, data);
      return 0;
    }
    return size == 4 ? core.read(address, 4) : core.read(address, size) << lane;
  }
}
