package dev.packs.emulator.internal.cpu;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A deterministic Thumb/Thumb-2 interpreter for the M-profile integer instruction set. It runs in
 * thread mode with no exception entry: BKPT, a fault or the instruction limit ends a run.
 *
 * <p>Instances are not thread-safe except for {@link #requestHalt()}. Decoding lives in
 * {@link Thumb16} and {@link Thumb32} and the groups they dispatch to; this class holds the
 * architectural state and the memory and flag helpers every group shares.
 */
public final class Cpu {
  private static final int HALT_CHECK_INTERVAL = 1024;
  private static final int CCR_UNALIGN_TRP = 1 << 3;
  private static final int CCR_DIV_0_TRP = 1 << 4;

  final Bus bus;
  final Architecture arch;
  /** r0..r14; r[15] holds the PC value instructions read: the current instruction's address + 4. */
  final int[] r = new int[16];
  boolean n;
  boolean z;
  boolean c;
  boolean v;
  boolean q;
  int ge;
  /** ITSTATE as in EPSR: base condition in bits 7:5, mask in bits 4:0; 0 outside an IT block. */
  int it;
  /** Where the instruction being executed will continue; branches overwrite it. */
  int next;
  int otherSp;
  int primask;
  int basepri;
  int faultmask;
  int control;
  boolean exclusive;
  int exclusiveAddress;
  /** The carry out of the last {@link Alu} shift or immediate expansion. */
  boolean shiftCarry;
  /** Whether unaligned LDR/STR/LDRH/STRH fault: always on ARMv6-M, else CCR.UNALIGN_TRP. */
  boolean alignmentFaults;
  /** CCR.DIV_0_TRP: SDIV/UDIV by zero faults instead of giving 0. */
  boolean divideByZeroFaults;

  private static final java.lang.invoke.VarHandle INT = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final java.lang.invoke.VarHandle SHORT = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(short[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final byte[] NO_BYTES = new byte[0];

  private final CodeCache code = new CodeCache();
  /** The plain memory the last slow read and write hit, accessed directly until it misses. */
  private byte[] readBytes = NO_BYTES;
  private int readBase;
  private byte[] writeBytes = NO_BYTES;
  private int writeBase;
  /** The code page the last fetch hit, so straight-line fetches skip the cache lookup. */
  private int[] fetchPage = new int[0];
  private int fetchTag = -1;
  /** The address of the instruction being executed. */
  int pc;
  /** How many instructions of the batch completed before a {@link CpuStop}. */
  int stoppedAfter;
  private long count;
  private volatile boolean haltRequested;

  public Cpu(Bus bus, Architecture arch) {
    this.bus = Objects.requireNonNull(bus, "bus");
    this.arch = Objects.requireNonNull(arch, "arch");
    this.alignmentFaults = arch.alignmentAlwaysFaults();
  }

  /** The Configuration and Control Register bits the interpreter honours: UNALIGN_TRP and DIV_0_TRP. */
  public int configurationControl() {
    return (alignmentFaults ? CCR_UNALIGN_TRP : 0) | (divideByZeroFaults ? CCR_DIV_0_TRP : 0);
  }

  /**
   * Sets CCR.UNALIGN_TRP (bit 3) and CCR.DIV_0_TRP (bit 4) as SCB->CCR would; both reset to 0.
   * ARMv6-M and ARMv8-M Baseline always trap unaligned accesses and have no divide trap.
   */
  public void setConfigurationControl(int ccr) {
    alignmentFaults = arch.alignmentAlwaysFaults() || (ccr & CCR_UNALIGN_TRP) != 0;
    divideByZeroFaults = arch.thumb2() && (ccr & CCR_DIV_0_TRP) != 0;
  }

  public Architecture architecture() {
    return arch;
  }

  /** Register {@code n} (0..15); r15 reads as the address of the next instruction to execute. */
  public int reg(int n) {
    checkRegister(n);
    return n == 15 ? pc : r[n];
  }

  /** Sets register {@code n}; writing r15 moves the PC (bit 0, the Thumb bit, is dropped). */
  public void setReg(int n, int value) {
    checkRegister(n);
    if (n == 15) {
      pc = value & ~1;
      it = 0;
    } else {
      r[n] = n == 13 ? value & ~3 : value;
    }
  }

  private static void checkRegister(int n) {
    if (n < 0 || n > 15) {
      throw new IllegalArgumentException("no core register r" + n);
    }
  }

  /** APSR (N Z C V Q, GE[3:0]) with the EPSR T bit and IT state, as the combined xPSR. */
  public int xpsr() {
    return (n ? 1 << 31 : 0) | (z ? 1 << 30 : 0) | (c ? 1 << 29 : 0) | (v ? 1 << 28 : 0)
        | (q ? 1 << 27 : 0) | ((it & 3) << 25) | (1 << 24) | ((ge & 0xF) << 16) | ((it >>> 2) << 10);
  }

  public void setXpsr(int value) {
    n = value < 0;
    z = (value & (1 << 30)) != 0;
    c = (value & (1 << 29)) != 0;
    v = (value & (1 << 28)) != 0;
    q = (value & (1 << 27)) != 0;
    ge = (value >>> 16) & 0xF;
    it = ((value >>> 25) & 3) | (((value >>> 10) & 0x3F) << 2);
  }

  public int specialRegister(SpecialRegister reg) {
    return SystemRegisters.read(this, reg);
  }

  public void setSpecialRegister(SpecialRegister reg, int value) {
    SystemRegisters.write(this, reg, value);
  }

  /** The instructions completed over this CPU's lifetime. */
  public long instructionCount() {
    return count;
  }

  /** Asks a running {@link #run(long)} to return {@link Stop.Kind#HALTED}; safe from any thread. */
  public void requestHalt() {
    haltRequested = true;
  }

  /**
   * Executes until BKPT, a fault, {@code maxInstructions} completed instructions, or a halt request
   * (checked every {@value #HALT_CHECK_INTERVAL} instructions).
   */
  public Stop run(long maxInstructions) {
    if (maxInstructions < 0) {
      throw new IllegalArgumentException("negative instruction limit " + maxInstructions);
    }
    code.invalidateAll();
    fetchTag = -1;
    readBytes = NO_BYTES;
    writeBytes = NO_BYTES;
    long start = count;
    long remaining = maxInstructions;
    while (remaining > 0) {
      if (haltRequested) {
        haltRequested = false;
        return new Stop(Stop.Kind.HALTED, pc, count - start, Optional.empty());
      }
      int batch = (int) Math.min(remaining, HALT_CHECK_INTERVAL);
      try {
        FastPath.run(this, batch);
      } catch (CpuStop stop) {
        count += stoppedAfter;
        Stop.Kind kind = stop.fault.isPresent() ? Stop.Kind.FAULT : Stop.Kind.BREAKPOINT;
        return new Stop(kind, pc, count - start, stop.fault);
      }
      count += batch;
      remaining -= batch;
    }
    return new Stop(Stop.Kind.LIMIT, pc, count - start, Optional.empty());
  }

  void step() {
    int address = pc;
    int hw1 = fetch(address);
    r[15] = address + 4;
    if ((hw1 & 0xE000) == 0xE000 && (hw1 & 0x1800) != 0) {
      int hw2 = fetch(address + 2);
      next = address + 4;
      if (it == 0) {
        Thumb32.execute(this, hw1, hw2);
      } else {
        if (conditionPassed(it >>> 4)) {
          Thumb32.execute(this, hw1, hw2);
        }
        advanceIt();
      }
    } else {
      next = address + 2;
      if (it == 0) {
        Thumb16.execute(this, hw1);
      } else if ((hw1 & 0xFF00) == 0xBE00) {
        Thumb16.execute(this, hw1);
      } else {
        if (conditionPassed(it >>> 4)) {
          Thumb16.execute(this, hw1);
        }
        advanceIt();
      }
    }
    pc = next;
  }

  int fetch(int address) {
    if ((address >>> 9) == fetchTag) {
      int cached = fetchPage[(address >>> 1) & 0xFF];
      if (cached >= 0) {
        return cached;
      }
    }
    return fetchSlow(address);
  }

  private int fetchSlow(int address) {
    int cached = code.get(address);
    if (cached < 0) {
      cached = fetchFromBus(address);
    }
    fetchPage = code.page(address);
    fetchTag = address >>> 9;
    return cached;
  }

  private int fetchFromBus(int address) {
    try {
      int halfword = bus.fetch16(address);
      code.put(address, halfword);
      return halfword;
    } catch (BusFault f) {
      throw fault(Fault.Kind.BUS, OptionalInt.of(f.address()), "instruction fetch: " + f.getMessage());
    }
  }

  private void advanceIt() {
    it = (it & 7) == 0 ? 0 : (it & 0xE0) | ((it << 1) & 0x1F);
  }

  boolean conditionPassed(int cond) {
    return switch (cond & 0xF) {
      case 0 -> z;
      case 1 -> !z;
      case 2 -> c;
      case 3 -> !c;
      case 4 -> n;
      case 5 -> !n;
      case 6 -> v;
      case 7 -> !v;
      case 8 -> c && !z;
      case 9 -> !c || z;
      case 10 -> n == v;
      case 11 -> n != v;
      case 12 -> !z && n == v;
      case 13 -> z || n != v;
      default -> true;
    };
  }

  /** Whether a 16-bit data-processing instruction sets flags: only outside an IT block. */
  boolean outsideIt() {
    return it == 0;
  }

  // ---- flags -------------------------------------------------------------------------------

  void setNz(int result) {
    n = result < 0;
    z = result == 0;
  }

  /** AddWithCarry: returns x + y + carryIn and, when {@code setFlags}, sets N Z C V. */
  int addWithCarry(int x, int y, boolean carryIn, boolean setFlags) {
    int result = x + y + (carryIn ? 1 : 0);
    if (setFlags) {
      long unsigned = (x & 0xFFFF_FFFFL) + (y & 0xFFFF_FFFFL) + (carryIn ? 1 : 0);
      n = result < 0;
      z = result == 0;
      c = (unsigned >>> 32) != 0;
      v = ((x ^ result) & (y ^ result)) < 0;
    }
    return result;
  }

  /** Sets N and Z from the result and C from the shifter, as the logical instructions do. */
  void setLogicalFlags(int result) {
    n = result < 0;
    z = result == 0;
    c = shiftCarry;
  }

  // ---- branches ----------------------------------------------------------------------------

  void branch(int target) {
    next = target & ~1;
  }

  /** BXWritePC / LoadWritePC: bit 0 must be set, since M-profile has only Thumb state. */
  void interworkingBranch(int target) {
    if ((target & 1) == 0) {
      throw fault(Fault.Kind.INVALID_STATE, OptionalInt.empty(),
          String.format("branch to 0x%08X would leave Thumb state", target));
    }
    next = target & ~1;
  }

  /** Writes Rd, or branches when an ALU result is written to the PC (ALUWritePC). */
  void writeAluResult(int d, int value) {
    if (d == 15) {
      branch(value);
    } else {
      r[d] = value;
    }
  }

  // ---- memory ------------------------------------------------------------------------------

  int read32(int address) {
    int offset = address - readBase;
    byte[] b = readBytes;
    if ((address & 3) == 0 && (offset | (b.length - 4 - offset)) >= 0) {
      return (int) INT.get(b, offset);
    }
    return read32Slow(address);
  }

  private int read32Slow(int address) {
    if ((address & 3) != 0) {
      if (alignmentFaults) {
        throw unaligned(address, 4);
      }
      return read8(address) | read8(address + 1) << 8 | read8(address + 2) << 16 | read8(address + 3) << 24;
    }
    return busRead(address, 4);
  }

  int read16(int address) {
    int offset = address - readBase;
    byte[] b = readBytes;
    if ((address & 1) == 0 && (offset | (b.length - 2 - offset)) >= 0) {
      return (short) SHORT.get(b, offset) & 0xFFFF;
    }
    return read16Slow(address);
  }

  private int read16Slow(int address) {
    if ((address & 1) != 0) {
      if (alignmentFaults) {
        throw unaligned(address, 2);
      }
      return read8(address) | read8(address + 1) << 8;
    }
    return busRead(address, 2);
  }

  int read8(int address) {
    int offset = address - readBase;
    byte[] b = readBytes;
    if ((offset | (b.length - 1 - offset)) >= 0) {
      return b[offset] & 0xFF;
    }
    return busRead(address, 1);
  }

  /** A word read that faults when unaligned on every architecture (LDM, LDRD, LDREX, TBH...). */
  int read32Aligned(int address) {
    if ((address & 3) != 0) {
      throw unaligned(address, 4);
    }
    return busRead(address, 4);
  }

  void write32(int address, int value) {
    int offset = address - writeBase;
    byte[] b = writeBytes;
    if ((address & 3) == 0 && (offset | (b.length - 4 - offset)) >= 0) {
      written(address);
      INT.set(b, offset, value);
      return;
    }
    write32Slow(address, value);
  }

  private void write32Slow(int address, int value) {
    if ((address & 3) != 0) {
      if (alignmentFaults) {
        throw unaligned(address, 4);
      }
      for (int i = 0; i < 4; i++) {
        write8(address + i, value >>> (8 * i));
      }
      return;
    }
    busWrite(address, 4, value);
  }

  void write16(int address, int value) {
    int offset = address - writeBase;
    byte[] b = writeBytes;
    if ((address & 1) == 0 && (offset | (b.length - 2 - offset)) >= 0) {
      written(address);
      SHORT.set(b, offset, (short) value);
      return;
    }
    write16Slow(address, value);
  }

  private void write16Slow(int address, int value) {
    if ((address & 1) != 0) {
      if (alignmentFaults) {
        throw unaligned(address, 2);
      }
      write8(address, value);
      write8(address + 1, value >>> 8);
      return;
    }
    busWrite(address, 2, value & 0xFFFF);
  }

  void write8(int address, int value) {
    int offset = address - writeBase;
    byte[] b = writeBytes;
    if ((offset | (b.length - 1 - offset)) >= 0) {
      written(address);
      b[offset] = (byte) value;
      return;
    }
    busWrite(address, 1, value & 0xFF);
  }

  void write32Aligned(int address, int value) {
    if ((address & 3) != 0) {
      throw unaligned(address, 4);
    }
    busWrite(address, 4, value);
  }

  private int busRead(int address, int size) {
    int value;
    try {
      value = bus.read(address, size);
    } catch (BusFault f) {
      throw fault(Fault.Kind.BUS, OptionalInt.of(f.address()), f.getMessage());
    }
    Bus.Window w = bus.window(address);
    if (w != null) {
      readBytes = w.bytes();
      readBase = w.base();
    }
    return value;
  }

  /** Keeps the instruction caches right before the CPU writes {@code address}. */
  private void written(int address) {
    if ((address >>> 9) == fetchTag || (address & 0xC000_0000) != 0) {
      fetchTag = -1;
    }
    code.written(address);
  }

  private void busWrite(int address, int size, int value) {
    written(address);
    try {
      bus.write(address, size, value);
    } catch (BusFault f) {
      throw fault(Fault.Kind.BUS, OptionalInt.of(f.address()), f.getMessage());
    }
    Bus.Window w = bus.window(address);
    if (w != null && w.writable()) {
      writeBytes = w.bytes();
      writeBase = w.base();
    }
  }

  // ---- stops -------------------------------------------------------------------------------

  CpuStop unaligned(int address, int size) {
    return fault(Fault.Kind.UNALIGNED, OptionalInt.of(address), size + "-byte access is not aligned");
  }

  CpuStop undefined(int instruction, boolean wide) {
    String text = wide ? String.format("0x%04X 0x%04X", instruction >>> 16, instruction & 0xFFFF)
        : String.format("0x%04X", instruction);
    return fault(Fault.Kind.UNDEFINED_INSTRUCTION, OptionalInt.empty(),
        "undefined instruction " + text + " on " + arch);
  }

  CpuStop fault(Fault.Kind kind, OptionalInt address, String detail) {
    return new CpuStop(Optional.of(new Fault(kind, pc, address, detail)));
  }

  CpuStop breakpoint() {
    return new CpuStop(Optional.empty());
  }
}
