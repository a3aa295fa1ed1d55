package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeException;
import java.nio.ByteBuffer;

/**
 * One CMSIS-DAP command: it encodes its request (command ID first) and decodes the probe's response
 * (the echoed ID first). Buffers are little-endian.
 *
 * @param <R> what the response means
 */
public interface DapCommand<R> {
  /** The command ID, which the response echoes. */
  int id();

  /** The command's name for messages: "DAP_Transfer". */
  String name();

  /** The length of the encoded request, ID included. */
  int requestLength();

  /** The longest response the probe may send, ID included. */
  int maxResponseLength();

  void encode(ByteBuffer out);

  R decode(ByteBuffer in);

  /** Reads the echoed ID; an unknown command is answered with the single byte 0xFF. */
  default void expectId(ByteBuffer in) {
    need(in, 1);
    int echoed = in.get() & 0xFF;
    if (echoed != id()) {
      if (echoed == 0xFF && id() != 0xFF) {
        throw new ProbeException.Unsupported(name() + " is not implemented by this probe's firmware");
      }
      throw new ProbeException.Protocol(name(),
          String.format("the probe answered command 0x%02X to command 0x%02X", echoed, id()));
    }
  }

  /** Fails unless {@code bytes} more bytes are there. */
  default void need(ByteBuffer in, int bytes) {
    if (in.remaining() < bytes) {
      throw new ProbeException.Protocol(name(),
          "the response ends after " + in.position() + " bytes; " + bytes + " more were expected");
    }
  }

  /** Reads a one-byte status: 0x00 OK, anything else (0xFF) an error. */
  default void expectOk(ByteBuffer in) {
    need(in, 1);
    int status = in.get() & 0xFF;
    if (status != 0) {
      throw new ProbeException.Protocol(name(), String.format("the probe answered ERROR (0x%02X)", status));
    }
  }
}
