package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeTransport;
import dev.packs.probe.UsbCounters;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Sends CMSIS-DAP commands over a transport, keeping up to Packet Count packets in flight: a posted
 * command's answer goes to its handler when the host reads it, which it does when the window is
 * full or when it {@link #drain()}s. Answers come back in order.
 */
public final class DapLink implements AutoCloseable {
  private record InFlight(DapCommand<?> command, Consumer<Object> handler) {}

  /** Before the probe tells its packet size: every DAP_Info answer fits the smallest packet. */
  private static final int FIRST_PACKET_SIZE = 64;

  private final CountingTransport transport;
  private final ProbeTransport original;
  private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
  private byte[] in;
  private byte[] out;
  private int packetSize;
  private int packetCount = 1;

  public DapLink(ProbeTransport transport) {
    this.transport = new CountingTransport(transport);
    this.original = transport;
    this.packetSize = Math.min(FIRST_PACKET_SIZE, transport.packetSize());
    this.in = new byte[packetSize];
    this.out = new byte[packetSize];
  }

  /** Uses what DAP_Info said: Packet Size (capped by the transport's) and Packet Count. */
  public void configure(int size, int count) {
    if (size < 64 || count < 1) {
      throw new ProbeException.Protocol("DAP_Info",
          "the probe reports packet size " + size + " and count " + count);
    }
    drain();
    this.packetSize = Math.min(size, transport.packetSize());
    this.packetCount = original instanceof dev.packs.probe.internal.usb.HidTransport
        ? Math.min(count, dev.packs.probe.internal.usb.HidTransport.MAX_IN_FLIGHT) : count;
    this.in = new byte[packetSize];
    this.out = new byte[packetSize];
    transport.packetSize(packetSize);
    transport.agreePacketSize(packetSize);
  }

  public int packetSize() {
    return packetSize;
  }

  public int packetCount() {
    return packetCount;
  }

  /** Sends {@code command} after every posted one has been answered and returns its answer. */
  public <R> R call(DapCommand<R> command) {
    drain();
    Object[] answer = new Object[1];
    post(command, result -> answer[0] = result);
    drain();
    @SuppressWarnings("unchecked")
    R result = (R) answer[0];
    return result;
  }

  /** Sends {@code command} now; {@code handler} gets its decoded answer later, in order. */
  public void post(DapCommand<?> command, Consumer<Object> handler) {
    int length = command.requestLength();
    if (length > packetSize) {
      throw new IllegalArgumentException(command.name() + " needs " + length
          + " bytes, more than the packet size " + packetSize);
    }
    while (inFlight.size() >= packetCount) {
      receiveOne();
    }
    ByteBuffer buffer = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    command.encode(buffer);
    if (buffer.position() != length) {
      throw new IllegalStateException(command.name() + " encoded " + buffer.position() + " of " + length + " bytes");
    }
    transport.write(out, length);
    inFlight.addLast(new InFlight(command, handler));
  }

  /** Reads the answer of every posted command. */
  public void drain() {
    while (!inFlight.isEmpty()) {
      receiveOne();
    }
  }

  private void receiveOne() {
    InFlight next = inFlight.removeFirst();
    Object result;
    try {
      int length = transport.read(in);
      result = next.command().decode(ByteBuffer.wrap(in, 0, length).order(ByteOrder.LITTLE_ENDIAN));
    } catch (RuntimeException e) {
      abandon();
      throw e;
    }
    next.handler().accept(result);
  }

  /**
   * After a lost or garbled answer the packets in flight cannot be matched to their answers any
   * more: read and drop what still comes, so that the next command starts in step.
   */
  private void abandon() {
    while (!inFlight.isEmpty()) {
      inFlight.removeFirst();
      try {
        transport.read(in);
      } catch (ProbeException.Timeout gone) {
        transport.forgetInFlight();
        inFlight.clear();
      } catch (RuntimeException ignored) {
        // The answer is dropped either way.
      }
    }
  }

  public UsbCounters counters() {
    return transport.counters();
  }

  @Override
  public void close() {
    transport.close();
  }
}
