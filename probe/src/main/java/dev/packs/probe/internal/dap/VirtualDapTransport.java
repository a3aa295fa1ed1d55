package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeTransport;
import dev.packs.probe.UsbCounters;
import dev.packs.probe.internal.sim.FaultPlan;
import java.util.ArrayDeque;

/**
 * The USB side of the virtual probe: each written packet goes through the firmware at once and its
 * answer waits in the probe's buffer, which holds Packet Count answers; a host that sends more
 * without reading is refused, as a real probe would stall it. It keeps its own count of what
 * crossed, to check the host's.
 */
public final class VirtualDapTransport implements ProbeTransport {
  private final VirtualDapFirmware firmware;
  private final FaultPlan faults;
  private final ArrayDeque<byte[]> answers = new ArrayDeque<>();
  private long packetsOut;
  private long packetsIn;
  private long bytesOut;
  private long bytesIn;
  private long waits;
  private boolean closed;

  public VirtualDapTransport(VirtualDapFirmware firmware, FaultPlan faults) {
    this.firmware = firmware;
    this.faults = faults;
  }

  @Override
  public int packetSize() {
    return firmware.config().packetSize();
  }

  @Override
  public void write(byte[] packet, int length) {
    if (closed) {
      throw new ProbeException.Usb("virtual-dap", "the probe was closed", null);
    }
    if (length < 1 || length > packetSize()) {
      throw new ProbeException.Protocol("virtual CMSIS-DAP",
          "a packet of " + length + " bytes; the packet size is " + packetSize());
    }
    if (answers.size() >= firmware.config().packetCount()) {
      throw new ProbeException.Protocol("virtual CMSIS-DAP", "the host sent a packet with "
          + answers.size() + " answers unread; the probe buffers " + firmware.config().packetCount());
    }
    packetsOut++;
    bytesOut += length;
    byte[] answer = firmware.process(packet, length);
    if (!faults.loseThisResponse()) {
      answers.addLast(answer);
    }
  }

  @Override
  public int read(byte[] buffer) {
    byte[] answer = answers.pollFirst();
    if (answer == null) {
      throw new ProbeException.Timeout("virtual-dap: reading a response (none is pending)");
    }
    System.arraycopy(answer, 0, buffer, 0, answer.length);
    packetsIn++;
    bytesIn += answer.length;
    if (answers.isEmpty()) {
      waits++;
    }
    return answer.length;
  }

  /** What crossed, counted by the probe: a wait is a read that emptied its buffer. */
  public UsbCounters counters() {
    return new UsbCounters(packetSize(), packetsOut, packetsIn, bytesOut, bytesIn, waits);
  }

  @Override
  public void close() {
    closed = true;
    answers.clear();
  }
}
