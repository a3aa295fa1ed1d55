package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeTransport;
import dev.packs.probe.UsbCounters;
import dev.packs.probe.internal.arm.CortexMTarget;
import java.util.OptionalDouble;

/**
 * A CMSIS-DAP session: asks the probe its packet size, packet count and capabilities, sets the SWD
 * clock and the transfer retries, connects SWD, and hands the Cortex-M layer a transfer queue that
 * packs and pipelines as the probe allows.
 */
public final class CmsisDap implements CortexMTarget.Session {
  /** The SWD clock: 4 MHz, which every probe and target of the last decade manages. */
  public static final int CLOCK_HZ = 4_000_000;
  /** WAIT retries in the probe: the most it allows, as flash writes may stall the bus for a while. */
  static final int WAIT_RETRY = 0xFFFF;

  private final DapLink link;
  private final ProbeInfo info;
  private final int capabilities;
  private Runnable afterClose = () -> { };
  private boolean closed;

  private CmsisDap(DapLink link, ProbeInfo info, int capabilities) {
    this.link = link;
    this.info = info;
    this.capabilities = capabilities;
  }

  /**
   * Opens a session over {@code transport}; {@code found} is what discovery knew (kind, USB strings,
   * v1/v2). Returns the halted core. Closes the transport when it fails.
   */
  public static CortexMTarget open(ProbeTransport transport, ProbeInfo found) {
    return open(transport, found, () -> { });
  }

  /** As {@link #open(ProbeTransport, ProbeInfo)}; {@code afterClose} runs once the session ends. */
  public static CortexMTarget open(ProbeTransport transport, ProbeInfo found, Runnable afterClose) {
    DapLink link = new DapLink(transport);
    CmsisDap session;
    try {
      session = handshake(link, found);
    } catch (RuntimeException e) {
      link.close();
      afterClose.run();
      throw e;
    }
    session.afterClose = afterClose;
    return CortexMTarget.attach(session, new TransferQueue(link, session.atomic()));
  }

  /** Asks an unopened probe for its protocol version (DAP_Info 0x04), for listing. */
  public static String version(ProbeTransport transport) {
    try (DapLink link = new DapLink(transport)) {
      return DapInfo.text(link.call(new DapInfo(DapInfo.PROTOCOL_VERSION)));
    }
  }

  private static CmsisDap handshake(DapLink link, ProbeInfo found) {
    int size = DapInfo.number(link.call(new DapInfo(DapInfo.PACKET_SIZE)));
    int count = DapInfo.number(link.call(new DapInfo(DapInfo.PACKET_COUNT)));
    link.configure(size, count);
    int caps = DapInfo.number(link.call(new DapInfo(DapInfo.CAPABILITIES)));
    String version = DapInfo.text(link.call(new DapInfo(DapInfo.PROTOCOL_VERSION)));
    String firmware = DapInfo.text(link.call(new DapInfo(DapInfo.FIRMWARE_VERSION)));
    if ((caps & DapInfo.CAP_SWD) == 0) {
      throw new ProbeException.Unsupported(found.spec() + " offers no SWD (capabilities 0x"
          + Integer.toHexString(caps) + "); packs speaks SWD only");
    }
    String shown = firmware.isEmpty() || firmware.equals(version) ? version : version + " (firmware " + firmware + ")";
    ProbeInfo info = new ProbeInfo(found.kind(), orElse(found.vendor(), link, DapInfo.VENDOR),
        orElse(found.product(), link, DapInfo.PRODUCT), orElse(found.serial(), link, DapInfo.SERIAL),
        shown, found.protocol(), found.vendorId(), found.productId(), OptionalDouble.empty());
    link.call(new SwjClock(CLOCK_HZ));
    link.call(new TransferConfigure(0, WAIT_RETRY, matchRetry(CLOCK_HZ)));
    link.call(new SwdConfigure(1, false));
    link.call(new Connect(Connect.SWD));
    link.call(new HostStatus(HostStatus.CONNECT, true));
    return new CmsisDap(link, info, caps);
  }

  private static String orElse(String known, DapLink link, int item) {
    return known.isEmpty() ? DapInfo.text(link.call(new DapInfo(item))) : known;
  }

  /**
   * How often the probe repeats a value-match read before answering: about 0.1 s of reads at
   * {@code clock} (an SWD read is about 50 clocks), so a halt poll is one packet per 0.1 s and
   * {@code halt()} and time limits still answer quickly.
   */
  static int matchRetry(int clock) {
    return Math.max(1, Math.min(0xFFFF, clock / 50 / 10));
  }

  /** Whether the probe runs DAP_ExecuteCommands. */
  boolean atomic() {
    return (capabilities & DapInfo.CAP_ATOMIC) != 0;
  }

  @Override
  public ProbeInfo info() {
    return info;
  }

  @Override
  public UsbCounters counters() {
    return link.counters();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      link.call(new HostStatus(HostStatus.CONNECT, false));
      link.call(new Disconnect());
    } catch (RuntimeException ignored) {
      // The probe may be gone already; the transport is released either way.
    } finally {
      link.close();
      afterClose.run();
    }
  }
}
