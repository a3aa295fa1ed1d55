package dev.packs.probe.internal.arm;

import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeTarget;
import dev.packs.probe.UsbCounters;
import dev.packs.target.CoreRegister;
import dev.packs.target.Halt;
import dev.packs.target.MemoryAccessException;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import dev.packs.target.TargetStateException;
import java.time.Duration;
import java.util.Optional;

/**
 * A Cortex-M core through an SW-DP and its AHB-AP, as a {@link ProbeTarget}. Memory and register
 * writes are posted and go out with whatever needs an answer next, so that a flash-algorithm call
 * (register writes, resume, then a wait for S_HALT that the probe repeats and that reads R0, PC and
 * DFSR) usually fits one packet. Failures are recovered as {@link PostedWork} says.
 */
public final class CortexMTarget implements ProbeTarget {
  /** The probe under the target: who it is, what it cost, how to let it go. */
  public interface Session {
    ProbeInfo info();

    UsbCounters counters();

    /** Ends the debug session; never throws. */
    void close();
  }

  private static final Duration RESET_TIMEOUT = Duration.ofSeconds(1);
  private static final int CORE_REGISTERS = 19;

  private final Session session;
  private final AdiTransfers transfers;
  private final DebugPort dp;
  private final MemAp mem;
  private final CoreDebug core;
  private final boolean fullPoll;
  private final Object wire = new Object();
  private final int[] registers = new int[CORE_REGISTERS];
  private final boolean[] known = new boolean[CORE_REGISTERS];
  private final PostedWork work;
  private volatile boolean running;
  private volatile boolean haltRequested;
  private boolean halted;

  private CortexMTarget(Session session, AdiTransfers transfers) {
    this.session = session;
    this.transfers = transfers;
    this.dp = new DebugPort(transfers);
    this.mem = new MemAp(dp, 0);
    this.core = new CoreDebug(mem, transfers);
    this.fullPoll = transfers.maxGroup() >= 24;
    this.work = new PostedWork(transfers, dp, mem::invalidate, this::forgetRegisters);
  }

  /** Connects through {@code transfers}: SWD, power-up, AP 0, then halts the core. */
  public static CortexMTarget attach(Session session, AdiTransfers transfers) {
    CortexMTarget target = new CortexMTarget(session, transfers);
    try {
      target.connect();
    } catch (TransferError e) {
      session.close();
      throw e.failure();
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    return target;
  }

  private void connect() {
    dp.connect();
    mem.init();
    work.post(() -> core.writeDhcsr(CortexM.C_DEBUGEN | CortexM.C_HALT), false);
    waitForHalt("halting the core after connecting", Duration.ofSeconds(1));
    int demcr = readWordNow(CortexM.DEMCR);
    work.post(() -> mem.writeSmall(CortexM.DEMCR, 4, (demcr & ~CortexM.VC_CORERESET) | CortexM.VC_HARDERR), false);
    work.post(() -> mem.writeSmall(CortexM.DFSR, 4, CortexM.DFSR_ALL), false);
    work.flush();
    halted = true;
  }

  @Override
  public ProbeInfo info() {
    return session.info();
  }

  @Override
  public UsbCounters counters() {
    return session.counters();
  }

  // ---- memory

  @Override
  public byte[] read(long address, int length) {
    checkRange(address, length);
    synchronized (wire) {
      requireStopped();
      return work.await(() -> mem.read(address, length), true).bytes();
    }
  }

  @Override
  public void write(long address, byte[] data) {
    checkRange(address, data.length);
    byte[] copy = data.clone();
    synchronized (wire) {
      requireStopped();
      work.post(() -> mem.write(address, copy), true);
    }
  }

  @Override
  public int readWord(long address) {
    checkRange(address, 4);
    synchronized (wire) {
      requireStopped();
      return readWordNow(address);
    }
  }

  private int readWordNow(long address) {
    requireAligned(address);
    int[] word = new int[1];
    work.await(() -> {
      mem.readWords(address, word, 0, 1);
      return word;
    }, true);
    return word[0];
  }

  @Override
  public void writeWord(long address, int value) {
    checkRange(address, 4);
    requireAligned(address);
    synchronized (wire) {
      requireStopped();
      work.post(() -> mem.writeSmall(address, 4, value), false);
      work.flush();
    }
  }

  // ---- core registers

  @Override
  public int readRegister(CoreRegister register) {
    synchronized (wire) {
      requireHalted();
      return registerNow(register);
    }
  }

  /** A core register of the halted core, from the cache when run() or a write left it there. */
  int registerNow(CoreRegister register) {
    int sel = register.selector();
    if (!known[sel]) {
      CoreDebug.RegisterRead read = work.await(() -> core.readRegister(sel), true);
      registers[sel] = read.value();
      known[sel] = true;
    }
    return registers[sel];
  }

  @Override
  public void writeRegister(CoreRegister register, int value) {
    synchronized (wire) {
      requireHalted();
      int sel = register.selector();
      work.post(() -> core.writeRegister(sel, value), true);
      if (register == CoreRegister.SP || register == CoreRegister.MSP || register == CoreRegister.PSP) {
        // SP is one of MSP and PSP: a write to one may change the other's view.
        known[CoreRegister.SP.selector()] = false;
        known[CoreRegister.MSP.selector()] = false;
        known[CoreRegister.PSP.selector()] = false;
      }
      registers[sel] = value;
      known[sel] = true;
    }
  }

  // ---- run and halt

  @Override
  public Halt run(RunLimit limit) {
    long deadline = System.nanoTime() + limit.time().toNanos();
    synchronized (wire) {
      requireHalted();
      haltRequested = false;
      running = true;
    }
    try {
      return runUntilHalted(deadline);
    } finally {
      running = false;
    }
  }

  private Halt runUntilHalted(long deadline) {
    StopReason forced = null;
    boolean lockedUp = false;
    synchronized (wire) {
      forgetRegisters();
      work.post(() -> core.writeDhcsr(CortexM.C_DEBUGEN), false);
      halted = false;
    }
    while (true) {
      synchronized (wire) {
        CoreDebug.Poll poll = work.await(() -> core.poll(fullPoll), false);
        if (poll.halted()) {
          halted = true;
          if (!fullPoll) {
            work.await(() -> {
              core.afterHalt(poll);
              return poll;
            }, true);
          }
          return new HaltDecoder(this).decode(poll, forced, lockedUp);
        }
        // The transfers after the failed match never ran: TAR and SELECT are not what was queued.
        invalidateCaches();
        if (forced == null && (haltRequested || System.nanoTime() - deadline > 0)) {
          forced = haltRequested ? StopReason.HALTED : StopReason.LIMIT;
          int[] dhcsr = new int[1];
          work.await(() -> {
            core.readDhcsr(dhcsr, 0);
            return dhcsr;
          }, true);
          lockedUp = (dhcsr[0] & CortexM.S_LOCKUP) != 0;
          work.post(() -> core.writeDhcsr(CortexM.C_DEBUGEN | CortexM.C_HALT), false);
        }
      }
    }
  }

  @Override
  public void halt() {
    if (running) {
      haltRequested = true;
      return;
    }
    synchronized (wire) {
      if (!halted && !running) {
        work.post(() -> core.writeDhcsr(CortexM.C_DEBUGEN | CortexM.C_HALT), false);
        waitForHalt("halting the core", Duration.ofSeconds(1));
        halted = true;
        forgetRegisters();
      }
    }
  }

  /** Polls DHCSR until S_HALT; the probe repeats the read, so each try is one packet. */
  private void waitForHalt(String what, Duration timeout) {
    waitForDhcsr(CortexM.S_HALT, what, timeout);
  }

  private void waitForDhcsr(int bits, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean[] matched = new boolean[1];
      work.await(() -> {
        transfers.beginGroup();
        core.waitFor(bits, matched);
        transfers.endGroup();
        return matched;
      }, true);
      if (matched[0]) {
        return;
      }
      invalidateCaches();
      if (System.nanoTime() - deadline > 0) {
        throw new ProbeException.Timeout(what);
      }
    }
  }

  // ---- reset

  @Override
  public void resetAndHalt() {
    reset(true);
  }

  @Override
  public void resetAndRun() {
    reset(false);
  }

  private void reset(boolean halt) {
    synchronized (wire) {
      requireStopped();
      int demcr = readWordNow(CortexM.DEMCR);
      int catchReset = halt ? CortexM.VC_CORERESET : 0;
      work.post(() -> mem.writeSmall(CortexM.DEMCR, 4, demcr | CortexM.VC_HARDERR | catchReset), false);
      if (!halt) {
        work.post(() -> core.writeDhcsr(CortexM.C_DEBUGEN), false);
      }
      work.post(() -> mem.writeSmall(CortexM.AIRCR, 4, CortexM.VECTKEY | CortexM.SYSRESETREQ), false);
      try {
        work.flush();
      } catch (ProbeException | MemoryAccessException e) {
        // The reset may cut the AIRCR write's answer short; the DHCSR poll below tells what happened.
      }
      invalidateCaches();
      forgetRegisters();
      waitForDhcsr(CortexM.S_RESET_ST, "reset (DHCSR S_RESET_ST)", RESET_TIMEOUT);
      if (halt) {
        waitForHalt("halting the core on reset (DEMCR VC_CORERESET)", RESET_TIMEOUT);
      }
      work.post(() -> mem.writeSmall(CortexM.DEMCR, 4, (demcr & ~CortexM.VC_CORERESET) | CortexM.VC_HARDERR), false);
      work.post(() -> mem.writeSmall(CortexM.DFSR, 4, CortexM.DFSR_ALL), false);
      work.flush();
      halted = halt;
    }
  }

  @Override
  public void close() {
    synchronized (wire) {
      try {
        work.flush();
      } catch (RuntimeException ignored) {
        // Closing never fails; what was posted is lost with the session.
      }
      session.close();
    }
  }

  private void invalidateCaches() {
    mem.invalidate();
  }

  private void forgetRegisters() {
    java.util.Arrays.fill(known, false);
  }

  /** What run() learned at the halt: keep R0 and PC so that reading them costs nothing. */
  void remember(int selector, int value) {
    registers[selector] = value;
    known[selector] = true;
  }

  /** Reads fault status registers and the stacked frame, after a vector catch; used by {@link HaltDecoder}. */
  int[] readWordsNow(long address, int count) {
    int[] words = new int[count];
    work.await(() -> {
      mem.readWords(address, words, 0, count);
      return words;
    }, true);
    return words;
  }

  Optional<Integer> tryReadWord(long address) {
    try {
      return Optional.of(readWordNow(address));
    } catch (MemoryAccessException | ProbeException.TransferFailed e) {
      return Optional.empty();
    }
  }

  private void requireHalted() {
    requireStopped();
    if (!halted) {
      throw new TargetStateException("the core is running; halt it first");
    }
  }

  private void requireStopped() {
    if (running) {
      throw new TargetStateException("the core is running a call on another thread");
    }
  }

  private static void requireAligned(long address) {
    if ((address & 3) != 0) {
      throw new IllegalArgumentException(String.format("a word access needs an aligned address: 0x%08X", address));
    }
  }

  private static void checkRange(long address, int length) {
    if (address < 0 || length < 0 || address + length > 0x1_0000_0000L) {
      throw new IllegalArgumentException(
          String.format("range 0x%X+%d is outside the 32-bit address space", address, length));
    }
  }
}
