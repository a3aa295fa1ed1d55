package dev.packs.probe.internal.arm;

import dev.packs.probe.ProbeException;
import java.time.Duration;

/**
 * An SW-DP: connection (wire sequences, DPIDR), sticky-error recovery, system and debug power-up,
 * and AP register access with the SELECT register cached so that it is written only when the AP or
 * the register bank changes.
 */
public final class DebugPort {
  private static final Duration POWER_UP = Duration.ofSeconds(1);

  private final AdiTransfers transfers;
  /** The SELECT value the DP holds, or -1 when unknown. */
  private long select = -1;
  private int dpidr;

  public DebugPort(AdiTransfers transfers) {
    this.transfers = transfers;
  }

  public AdiTransfers transfers() {
    return transfers;
  }

  /** Puts the line into SWD, reads DPIDR, clears sticky errors and powers the debug and system domains up. */
  public int connect() {
    select = -1;
    SwdSequences.switchToSwd(transfers);
    int[] id = new int[1];
    transfers.read(false, Adi.DP_DPIDR, id, 0, Origin.register("DP read DPIDR", Adi.DP_DPIDR));
    transfers.flush();
    dpidr = id[0];
    transfers.write(false, Adi.DP_ABORT, Adi.CLEAR_STICKY, Origin.register("DP write ABORT", 0));
    writeSelect(0);
    powerUp();
    return dpidr;
  }

  /** After a protocol error: reset the line, read DPIDR again and clear sticky errors. */
  public void reconnect() {
    select = -1;
    SwdSequences.lineReset(transfers);
    transfers.sequence(8, new byte[] {0});
    int[] id = new int[1];
    transfers.read(false, Adi.DP_DPIDR, id, 0, Origin.register("DP read DPIDR", Adi.DP_DPIDR));
    transfers.write(false, Adi.DP_ABORT, Adi.CLEAR_STICKY, Origin.register("DP write ABORT", 0));
    transfers.flush();
  }

  public int dpidr() {
    return dpidr;
  }

  private void powerUp() {
    int request = Adi.CDBGPWRUPREQ | Adi.CSYSPWRUPREQ | Adi.MASKLANE;
    Origin ctrl = Origin.register("DP CTRL/STAT power-up", Adi.DP_CTRL_STAT);
    transfers.write(false, Adi.DP_CTRL_STAT, request, ctrl);
    int acks = Adi.CDBGPWRUPACK | Adi.CSYSPWRUPACK;
    long deadline = System.nanoTime() + POWER_UP.toNanos();
    boolean[] up = new boolean[1];
    while (true) {
      transfers.readUntil(false, Adi.DP_CTRL_STAT, acks, acks, up, 0, ctrl);
      transfers.flush();
      if (up[0]) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ProbeException.Timeout("debug power-up (CTRL/STAT CDBGPWRUPACK and CSYSPWRUPACK)");
      }
    }
  }

  /** Selects {@code ap} and the register bank holding {@code register}. */
  void select(int ap, int register) {
    int value = Adi.select(ap, register);
    if ((value & 0xFFFF_FFFFL) != select) {
      writeSelect(value);
    }
  }

  private void writeSelect(int value) {
    transfers.write(false, Adi.DP_SELECT, value, Origin.register("DP write SELECT", Adi.DP_SELECT));
    select = value & 0xFFFF_FFFFL;
  }

  public void apWrite(int ap, int register, int value, Origin origin) {
    select(ap, register);
    transfers.write(true, register & 0xC, value, origin);
  }

  public void apRead(int ap, int register, int[] into, int at, Origin origin) {
    select(ap, register);
    transfers.read(true, register & 0xC, into, at, origin);
  }

  /** Forgets SELECT, after a failure left it unknown. */
  public void invalidate() {
    select = -1;
  }
}
