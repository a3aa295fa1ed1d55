package dev.packs.probe.internal.stlink;

import dev.packs.probe.UsbCounters;
import dev.packs.probe.ProbeException;
import java.util.Objects;

/**
 * The ST-Link USB framing over one claimed interface: command block, optional data OUT, optional
 * answer IN, each one bulk transfer with a 1 s timeout (as pyOCD and probe-rs use). Checks the
 * answer's length, names the command in every error, and counts what it moves. Thread-safe: one
 * command at a time.
 */
final class StLinkUsb implements AutoCloseable {
  static final int TIMEOUT_MILLIS = 1000;

  private final UsbBus.Handle handle;
  private final StLinkModel model;
  private final String probe;
  private final Runnable onClose;
  private long packetsOut;
  private long packetsIn;
  private long bytesOut;
  private long bytesIn;
  private long waits;

  StLinkUsb(UsbBus.Handle handle, StLinkModel model, String probe, Runnable onClose) {
    this.handle = Objects.requireNonNull(handle, "handle");
    this.model = Objects.requireNonNull(model, "model");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
  }

  String probe() {
    return probe;
  }

  StLinkModel model() {
    return model;
  }

  /** Sends the request and returns its answer, exactly {@code answerLength} bytes long. */
  synchronized byte[] exchange(Request request) {
    try {
      send(request.block());
      if (request.data().length > 0) {
        send(request.data());
      }
      if (request.answerLength() == 0) {
        return new byte[0];
      }
      byte[] answer = new byte[request.answerLength()];
      waits++;
      int n = handle.read(model.inEndpoint(), answer, TIMEOUT_MILLIS);
      packetsIn++;
      bytesIn += n;
      if (n != answer.length) {
        throw new ProbeException.Protocol(request.name(), String.format(
            "%s answered %d bytes, expected %d", probe, n, answer.length));
      }
      return answer;
    } catch (UsbIoException e) {
      if (e.timedOut()) {
        throw new ProbeException.Timeout(probe + ": " + request.name() + " (" + e.getMessage() + ")");
      }
      throw new ProbeException.Usb(probe, request.name() + ": " + e.getMessage(), e);
    }
  }

  private void send(byte[] bytes) throws UsbIoException {
    handle.write(model.outEndpoint(), bytes, TIMEOUT_MILLIS);
    packetsOut++;
    bytesOut += bytes.length;
  }

  synchronized UsbCounters counters() {
    return new UsbCounters(StLinkVersion.MAX_TRANSFER, packetsOut, packetsIn, bytesOut, bytesIn,
        waits);
  }

  @Override
  public void close() {
    try {
      handle.close();
    } finally {
      onClose.run();
    }
  }
}
