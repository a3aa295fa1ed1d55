package dev.packs.probe.internal.stlink;

import dev.packs.probe.internal.arm.CortexM;

import dev.packs.probe.UsbCounters;
import static dev.packs.probe.internal.arm.CortexM.C_DEBUGEN;
import static dev.packs.probe.internal.arm.CortexM.C_HALT;
import static dev.packs.probe.internal.arm.CortexM.DBGKEY;
import static dev.packs.probe.internal.arm.CortexM.S_HALT;
import static dev.packs.probe.internal.arm.CortexM.S_LOCKUP;

import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeTarget;
import dev.packs.target.CoreRegister;
import dev.packs.target.Fault;
import dev.packs.target.FaultKind;
import dev.packs.target.Halt;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import dev.packs.target.TargetStateException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A Cortex-M target behind an ST-Link: memory through the probe's memory commands, core registers
 * through READREG/WRITEREG, run and halt through DHCSR (written with WRITE_DEBUG_REG and polled with
 * READ_DEBUG_REG), faults through DEMCR's HardFault vector catch and the fault status registers.
 * An ST-Link cannot count instructions, so a {@link Halt} reports 0 and only the time limit applies.
 */
public final class StLinkTarget implements ProbeTarget {
  /** How long a halt request may take before it is a timeout. */
  private static final long HALT_NANOS = 1_000_000_000L;

  private final StLinkSession session;
  private final ProbeInfo info;
  private volatile boolean running;
  private volatile boolean haltRequested;

  private StLinkTarget(StLinkSession session, ProbeInfo info) {
    this.session = session;
    this.info = info;
  }

  /**
   * Attaches over an SWD session: halts the core and turns on the HardFault vector catch. The probe
   * is {@code kind} ({@code stlink}, {@code virtual-stlink}) with {@code serial} (empty when unknown).
   */
  static StLinkTarget attach(StLinkSession session, String kind, String serial) {
    StLinkTarget target = new StLinkTarget(session, session.model().probeInfo(kind, serial,
        session.version().productId(), Optional.of(session.version()), session.targetVolts()));
    try {
      target.haltNow("halting the core on attach");
      session.writeWord(CortexM.DEMCR, session.readWord(CortexM.DEMCR) | CortexM.VC_HARDERR);
      session.autoIncrementWindow(CortexM.autoIncrementWindow(session.readWord(CortexM.CPUID)));
      return target;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** The probe's firmware version. */
  public StLinkVersion version() {
    return session.version();
  }

  /** The target voltage the probe measured when it attached; empty when it cannot tell. */
  public OptionalDouble targetVolts() {
    return session.targetVolts();
  }

  /** The SWD clock the probe chose, in kHz. */
  public int swdKiloHertz() {
    return session.swdKiloHertz();
  }

  /** The debug port's IDCODE (DPIDR), for example 0x2BA01477 on a Cortex-M4. */
  public int dpidr() {
    return session.dpidr();
  }

  @Override
  public ProbeInfo info() {
    return info;
  }

  @Override
  public UsbCounters counters() {
    return session.counters();
  }

  @Override
  public byte[] read(long address, int length) {
    checkRange(address, length);
    requireHalted();
    return length == 0 ? new byte[0] : session.read(address, length);
  }

  @Override
  public void write(long address, byte[] data) {
    checkRange(address, data.length);
    requireHalted();
    if (data.length > 0) {
      session.write(address, data);
    }
  }

  @Override
  public int readWord(long address) {
    checkWord(address);
    requireHalted();
    return session.readWord(address);
  }

  @Override
  public void writeWord(long address, int value) {
    checkWord(address);
    requireHalted();
    session.writeWord(address, value);
  }

  @Override
  public int readRegister(CoreRegister register) {
    requireHalted();
    return session.readRegister(register.selector(), register.name());
  }

  @Override
  public void writeRegister(CoreRegister register, int value) {
    requireHalted();
    session.writeRegister(register.selector(), register.name(), value);
  }

  @Override
  public Halt run(RunLimit limit) {
    Objects.requireNonNull(limit, "limit");
    requireHalted();
    long deadline = System.nanoTime() + limit.time().toNanos();
    haltRequested = false;
    session.writeWord(CortexM.DFSR, CortexM.DFSR_ALL);
    running = true;
    try {
      session.writeWord(CortexM.DHCSR, DBGKEY | C_DEBUGEN);
      while (true) {
        int dhcsr = session.readWord(CortexM.DHCSR);
        if ((dhcsr & S_HALT) != 0) {
          return stopped(StopReason.HALTED, (dhcsr & S_LOCKUP) != 0);
        }
        if ((dhcsr & S_LOCKUP) != 0) {
          haltNow("halting the locked-up core");
          return stopped(StopReason.HALTED, true);
        }
        if (haltRequested || System.nanoTime() - deadline >= 0) {
          StopReason asked = haltRequested ? StopReason.HALTED : StopReason.LIMIT;
          haltNow("halting the core");
          return stopped(asked, false);
        }
      }
    } finally {
      running = false;
    }
  }

  /**
   * Why the halted core stopped: a breakpoint, a caught HardFault, a lockup, else {@code otherwise}
   * (our halt request, the time limit, or another debugger's halt).
   */
  private Halt stopped(StopReason otherwise, boolean lockedUp) {
    int dfsr = session.readWord(CortexM.DFSR);
    long pc = Integer.toUnsignedLong(session.readRegister(CoreRegister.PC.selector(), "PC"));
    if (lockedUp) {
      Fault f = new Fault(FaultKind.OTHER, pc, OptionalLong.empty(),
          "the core locked up (a fault while it could not take a HardFault)");
      return new Halt(StopReason.FAULT, pc, 0, Optional.of(f));
    }
    if ((dfsr & CortexM.DFSR_VCATCH) != 0) {
      Fault f = HardFaults.decode(session);
      return new Halt(StopReason.FAULT, f.pc(), 0, Optional.of(f));
    }
    if ((dfsr & CortexM.DFSR_BKPT) != 0) {
      return new Halt(StopReason.BREAKPOINT, pc, 0, Optional.empty());
    }
    return new Halt(otherwise, pc, 0, Optional.empty());
  }

  @Override
  public void halt() {
    if (running) {
      haltRequested = true;
    }
  }

  /**
   * Resets the chip through AIRCR.SYSRESETREQ and, with {@code halt}, stops the core on its reset
   * vector (DEMCR.VC_CORERESET), as pyOCD's reset-halt does.
   */
  public void reset(boolean halt) {
    requireHalted();
    int demcr = session.readWord(CortexM.DEMCR);
    session.writeWord(CortexM.DEMCR, halt ? demcr | CortexM.VC_CORERESET : demcr);
    try {
      session.writeWord(CortexM.AIRCR, CortexM.VECTKEY | CortexM.SYSRESETREQ);
    } catch (RuntimeException e) {
      // the reset may cut the access that asked for it; the DHCSR poll below tells
    }
    long start = System.nanoTime();
    boolean wasReset = false;
    while (true) {
      int dhcsr = session.readWord(CortexM.DHCSR);
      wasReset |= (dhcsr & CortexM.S_RESET_ST) != 0; // sticky until read
      if (wasReset && (!halt || (dhcsr & S_HALT) != 0)) {
        break;
      }
      if (System.nanoTime() - start > HALT_NANOS) {
        throw new ProbeException.Timeout(session.probe() + ": reset" + (halt ? " and halt" : ""));
      }
    }
    session.writeWord(CortexM.DEMCR, demcr);
    if (!halt) {
      session.writeWord(CortexM.DHCSR, DBGKEY | C_DEBUGEN);
    }
  }

  @Override
  public void resetAndHalt() {
    reset(true);
  }

  @Override
  public void resetAndRun() {
    reset(false);
  }

  private void haltNow(String what) {
    session.writeWord(CortexM.DHCSR, DBGKEY | C_HALT | C_DEBUGEN);
    long start = System.nanoTime();
    while ((session.readWord(CortexM.DHCSR) & S_HALT) == 0) {
      if (System.nanoTime() - start > HALT_NANOS) {
        throw new ProbeException.Timeout(session.probe() + ": " + what);
      }
    }
  }

  private void requireHalted() {
    if (running) {
      throw new TargetStateException("the core behind " + session.probe() + " is running; halt it first");
    }
  }

  private static void checkRange(long address, int length) {
    if (address < 0 || length < 0 || address + length > 0x1_0000_0000L) {
      throw new IllegalArgumentException(
          String.format("range 0x%X+%d is outside the 32-bit address space", address, length));
    }
  }

  private static void checkWord(long address) {
    checkRange(address, 4);
    if ((address & 3) != 0) {
      throw new IllegalArgumentException(String.format("word access at unaligned 0x%08X", address));
    }
  }

  /** Leaves SWD debug mode and releases the probe; the core keeps its state. */
  @Override
  public void close() {
    session.close();
  }
}
