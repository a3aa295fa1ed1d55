package dev.packs.probe.internal.sim;

import dev.packs.probe.internal.arm.Adi;
import dev.packs.probe.internal.arm.Ack;

/**
 * An SW-DP on the wire: it answers only after a line reset and the JTAG-to-SWD sequence, wants
 * DPIDR read after each line reset, powers up on request, and keeps sticky errors that make every
 * later AP access FAULT until ABORT clears them. AP reads are posted (a read returns the previous
 * result; RDBUFF returns the last), and an AP write's bus error shows on the next transfer.
 */
public final class SimulatedSwDp {
  private static final int STICKY = Adi.STICKYORUN | Adi.STICKYCMP | Adi.STICKYERR | Adi.WDATAERR;

  private final int dpidr;
  private final SimulatedMemAp memAp;
  private final SimulatedCore core;
  private final FaultPlan faults;
  private boolean swd;
  private boolean needsIdRead = true;
  private int ones;
  private int shift;
  private int sinceReset = -1;
  private int ctrl;
  private int select;
  private int rdbuff;
  private long transfers;

  public SimulatedSwDp(int dpidr, SimulatedMemAp memAp, SimulatedCore core, FaultPlan faults) {
    this.dpidr = dpidr;
    this.memAp = memAp;
    this.core = core;
    this.faults = faults;
  }

  /** The answer to one transfer: its ACK and, for reads, the data. */
  public record Reply(Ack ack, int data) {}

  /** SWDIO bits clocked out with SWCLK, LSB first: line resets and the JTAG-to-SWD switch. */
  public void sequence(int bits, byte[] data) {
    for (int i = 0; i < bits; i++) {
      int bit = (data[i / 8] >> (i % 8)) & 1;
      ones = bit == 1 ? ones + 1 : 0;
      shift = (shift >>> 1) | (bit << 15);
      if (ones >= 50) {
        sinceReset = 0;
        needsIdRead = true;
      } else if (sinceReset >= 0 && ++sinceReset == 16 && shift == 0xE79E) {
        swd = true;
      }
    }
  }

  /** SWD transfers answered so far (including WAITs), which is how time passes for the core. */
  public long transfers() {
    return transfers;
  }

  /** One SWD transfer: DP or AP, read or write, register A[3:2]. */
  public Reply transfer(boolean ap, boolean read, int address, int value) {
    transfers++;
    core.tick();
    if (!swd || faults.noTarget()) {
      return new Reply(Ack.NO_ACK, 0);
    }
    if (needsIdRead && (ap || !read || address != Adi.DP_DPIDR)) {
      return new Reply(Ack.NO_ACK, 0);
    }
    return ap ? apTransfer(read, address, value) : dpTransfer(read, address, value);
  }

  private Reply dpTransfer(boolean read, int address, int value) {
    boolean sticky = (ctrl & STICKY) != 0;
    if (read) {
      return switch (address) {
        case Adi.DP_DPIDR -> {
          needsIdRead = false;
          yield new Reply(Ack.OK, dpidr);
        }
        case Adi.DP_CTRL_STAT -> new Reply(Ack.OK, ctrlStat());
        case Adi.DP_RDBUFF -> sticky ? new Reply(Ack.FAULT, 0) : new Reply(Ack.OK, rdbuff);
        default -> new Reply(sticky ? Ack.FAULT : Ack.OK, 0);
      };
    }
    switch (address) {
      case Adi.DP_ABORT -> abort(value);
      case Adi.DP_CTRL_STAT -> ctrl = (ctrl & STICKY) | (value & ~STICKY);
      case Adi.DP_SELECT -> {
        if (sticky) {
          return new Reply(Ack.FAULT, 0);
        }
        select = value;
      }
      default -> { }
    }
    return new Reply(Ack.OK, 0);
  }

  private int ctrlStat() {
    int value = ctrl;
    value |= (ctrl & Adi.CDBGPWRUPREQ) != 0 ? Adi.CDBGPWRUPACK : 0;
    value |= (ctrl & Adi.CSYSPWRUPREQ) != 0 ? Adi.CSYSPWRUPACK : 0;
    return value;
  }

  private void abort(int value) {
    if ((value & Adi.DAPABORT) != 0) {
      faults.abortWaits();
    }
    if ((value & Adi.STKCMPCLR) != 0) {
      ctrl &= ~Adi.STICKYCMP;
    }
    if ((value & Adi.STKERRCLR) != 0) {
      ctrl &= ~Adi.STICKYERR;
    }
    if ((value & Adi.WDERRCLR) != 0) {
      ctrl &= ~Adi.WDATAERR;
    }
    if ((value & Adi.ORUNERRCLR) != 0) {
      ctrl &= ~Adi.STICKYORUN;
    }
  }

  private Reply apTransfer(boolean read, int address, int value) {
    if ((ctrl & STICKY) != 0 || (ctrl & Adi.CDBGPWRUPREQ) == 0) {
      return new Reply(Ack.FAULT, 0);
    }
    if (faults.takeWait()) {
      return new Reply(Ack.WAIT, 0);
    }
    int register = (select & 0xF0) | address;
    int previous = rdbuff;
    if ((select >>> 24) != 0) {
      rdbuff = 0; // only AP 0 exists; the others read as zero (no IDR)
      return new Reply(Ack.OK, read ? previous : 0);
    }
    try {
      if (read) {
        rdbuff = memAp.read(register);
      } else {
        memAp.write(register, value);
      }
    } catch (BusError e) {
      ctrl |= Adi.STICKYERR;
      rdbuff = 0;
    }
    return new Reply(Ack.OK, read ? previous : 0);
  }
}
