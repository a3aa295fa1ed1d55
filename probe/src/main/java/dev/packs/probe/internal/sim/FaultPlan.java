package dev.packs.probe.internal.sim;

/**
 * Trouble to inject into a simulated target and probe, for tests: WAIT storms on AP accesses, bus
 * faults on an address range, lost USB responses, and a target that does not answer at all.
 * Mutable; set it before the traffic it should hit.
 */
public final class FaultPlan {
  private int waits;
  private long faultStart = -1;
  private long faultEnd = -1;
  private long loseResponse = -1;
  private boolean noTarget;

  /** The next {@code transfers} AP accesses are answered WAIT (a DAPABORT ends the storm). */
  public FaultPlan waitStorm(int transfers) {
    this.waits = transfers;
    return this;
  }

  /** Memory accesses in [start, end) fail on the bus. */
  public FaultPlan busFault(long start, long end) {
    this.faultStart = start;
    this.faultEnd = end;
    return this;
  }

  /** The response to the {@code packet}-th request from now (1 = the next one) is lost. */
  public FaultPlan loseResponse(long packet) {
    this.loseResponse = packet;
    return this;
  }

  /** No target answers on the wire (unpowered, unconnected): every transfer gets no ACK. */
  public FaultPlan noTarget(boolean absent) {
    this.noTarget = absent;
    return this;
  }

  boolean takeWait() {
    if (waits > 0) {
      waits--;
      return true;
    }
    return false;
  }

  void abortWaits() {
    waits = 0;
  }

  boolean faults(long address) {
    return address >= faultStart && address < faultEnd;
  }

  boolean noTarget() {
    return noTarget;
  }

  /** Counts one request down; true when its response is the one to lose. */
  public boolean loseThisResponse() {
    if (loseResponse > 0) {
      loseResponse--;
      return loseResponse == 0;
    }
    return false;
  }
}
