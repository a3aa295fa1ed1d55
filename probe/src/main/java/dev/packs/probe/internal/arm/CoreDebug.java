package dev.packs.probe.internal.arm;

import dev.packs.probe.ProbeException;

/**
 * The Cortex-M debug registers through the MEM-AP: with TAR on 0xE000EDF0 the banked registers
 * BD0-BD3 are DHCSR, DCRSR, DCRDR and DEMCR, so a core-register write is two AP writes and polling
 * DHCSR never moves TAR. Everything here only queues; the caller flushes.
 */
final class CoreDebug {
  private static final int BD_DHCSR = 0;
  private static final int BD_DCRSR = 1;
  private static final int BD_DCRDR = 2;
  private static final int BD_DFSR = 0;

  private final MemAp mem;
  private final AdiTransfers transfers;

  CoreDebug(MemAp mem, AdiTransfers transfers) {
    this.mem = mem;
    this.transfers = transfers;
  }

  private static Origin reg(String what, long address) {
    return Origin.register(what, address);
  }

  /** Queues DCRDR = value, DCRSR = selector | REGWnR. */
  void writeRegister(int selector, int value) {
    mem.window(CortexM.DHCSR);
    mem.bankedWrite(BD_DCRDR, value, reg("core register write (DCRDR)", CortexM.DCRDR));
    mem.bankedWrite(BD_DCRSR, selector | CortexM.REGWNR, reg("core register write (DCRSR)", CortexM.DCRSR));
  }

  /** Queues DCRSR = selector, then reads DHCSR (for S_REGRDY) and DCRDR. */
  RegisterRead readRegister(int selector) {
    RegisterRead read = new RegisterRead(selector);
    queue(read);
    return read;
  }

  private void queue(RegisterRead read) {
    mem.window(CortexM.DHCSR);
    mem.bankedWrite(BD_DCRSR, read.selector, reg("core register select (DCRSR)", CortexM.DCRSR));
    mem.bankedRead(BD_DHCSR, read.words, 0, reg("DHCSR read", CortexM.DHCSR));
    mem.bankedRead(BD_DCRDR, read.words, 1, reg("core register read (DCRDR)", CortexM.DCRDR));
  }

  /** Queues a DHCSR write with the debug key. */
  void writeDhcsr(int control) {
    mem.window(CortexM.DHCSR);
    mem.bankedWrite(BD_DHCSR, CortexM.DBGKEY | control, reg("DHCSR write", CortexM.DHCSR));
  }

  /** Queues a plain DHCSR read. */
  void readDhcsr(int[] into, int at) {
    mem.window(CortexM.DHCSR);
    mem.bankedRead(BD_DHCSR, into, at, reg("DHCSR read", CortexM.DHCSR));
  }

  /** Queues a read of DHCSR that the probe repeats until {@code (DHCSR & mask) == mask}. */
  void waitFor(int mask, boolean[] matched) {
    mem.window(CortexM.DHCSR);
    mem.bankedReadUntil(BD_DHCSR, mask, mask, matched, 0, reg("DHCSR poll", CortexM.DHCSR));
  }

  /**
   * Queues one probe command that waits for S_HALT and, only once the core halted, reads R0, PC
   * and DFSR and clears DFSR. {@code full} is false when packets are too small for all of it; then
   * only the wait is queued and {@link #afterHalt} reads the rest.
   */
  Poll poll(boolean full) {
    Poll poll = new Poll();
    transfers.beginGroup();
    waitFor(CortexM.S_HALT, poll.halted);
    if (full) {
      afterHalt(poll);
    }
    transfers.endGroup();
    return poll;
  }

  /** Queues the reads a halt needs: R0, PC, DFSR (then cleared). */
  void afterHalt(Poll poll) {
    queue(poll.r0);
    queue(poll.pc);
    mem.window(CortexM.DFSR);
    mem.bankedRead(BD_DFSR, poll.dfsr, 0, reg("DFSR read", CortexM.DFSR));
    mem.bankedWrite(BD_DFSR, CortexM.DFSR_ALL, reg("DFSR clear", CortexM.DFSR));
  }

  /** A queued core-register read: its DHCSR (for S_REGRDY) and its value. */
  static final class RegisterRead {
    final int selector;
    final int[] words = new int[2];

    RegisterRead(int selector) {
      this.selector = selector;
    }

    boolean ready() {
      return (words[0] & CortexM.S_REGRDY) != 0;
    }

    int value() {
      if (!ready()) {
        throw new ProbeException.Timeout(String.format(
            "core register %d read (DHCSR 0x%08X has no S_REGRDY)", selector, words[0]));
      }
      return words[1];
    }
  }

  /** A queued halt poll and what it read once the core halted. */
  static final class Poll {
    final boolean[] halted = new boolean[1];
    final RegisterRead r0 = new RegisterRead(0);
    final RegisterRead pc = new RegisterRead(15);
    final int[] dfsr = new int[1];

    boolean halted() {
      return halted[0];
    }
  }
}
