package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeException;
import dev.packs.probe.internal.arm.Ack;
import dev.packs.probe.internal.arm.Adi;
import dev.packs.probe.internal.sim.SimulatedSwDp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * CMSIS-DAP firmware in Java: decodes each request packet as a probe would and drives a simulated
 * SW-DP. Transfers follow the reference firmware: AP reads are posted and collected with the next
 * transfer or RDBUFF, a write is checked with a closing RDBUFF read, WAIT is retried as configured,
 * a value-match read is repeated up to match_retry times, and the first failure ends the command.
 * A request the firmware would misread fails with {@link ProbeException.Protocol}.
 */
public final class VirtualDapFirmware {
  private final VirtualDapConfig config;
  private final SimulatedSwDp dp;
  private final VirtualTransfers transfers;

  public VirtualDapFirmware(VirtualDapConfig config, SimulatedSwDp dp) {
    this.config = config;
    this.dp = dp;
    this.transfers = new VirtualTransfers(dp);
  }

  public VirtualDapConfig config() {
    return config;
  }

  /** Answers one request packet; the answer fits the packet size. */
  public byte[] process(byte[] packet, int length) {
    ByteBuffer in = ByteBuffer.wrap(packet, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.allocate(config.packetSize()).order(ByteOrder.LITTLE_ENDIAN);
    try {
      command(in, out);
    } catch (java.nio.BufferUnderflowException e) {
      throw new ProbeException.Protocol("virtual CMSIS-DAP",
          String.format("request 0x%02X is shorter than its command needs (%d bytes)", packet[0], length));
    } catch (java.nio.BufferOverflowException e) {
      throw new ProbeException.Protocol("virtual CMSIS-DAP", String.format(
          "the answer to request 0x%02X would not fit the %d-byte packet", packet[0], config.packetSize()));
    }
    byte[] answer = new byte[out.position()];
    out.flip().get(answer);
    return answer;
  }

  private void command(ByteBuffer in, ByteBuffer out) {
    int id = in.get() & 0xFF;
    switch (id) {
      case DapInfo.ID -> info(in.get() & 0xFF, out);
      case HostStatus.ID -> {
        in.get();
        in.get();
        ok(out, id);
      }
      case Connect.ID -> {
        int port = in.get() & 0xFF;
        out.put((byte) id).put((byte) (port == Connect.DEFAULT || port == Connect.SWD ? Connect.SWD : 0));
      }
      case Disconnect.ID, 0x09 -> {
        if (id == 0x09) {
          in.getShort(); // DAP_Delay: time passes, nothing else
        }
        ok(out, id);
      }
      case TransferConfigure.ID -> {
        transfers.configure(in.get() & 0xFF, in.getShort() & 0xFFFF, in.getShort() & 0xFFFF);
        ok(out, id);
      }
      case Transfer.ID -> transfers.transfer(in, out);
      case TransferBlock.ID -> transfers.transferBlock(in, out);
      case WriteAbort.ID -> {
        in.get();
        dp.transfer(false, false, Adi.DP_ABORT, in.getInt());
        ok(out, id);
      }
      case ResetTarget.ID -> out.put((byte) id).put((byte) 0).put((byte) 0);
      case SwjClock.ID -> out.put((byte) id).put((byte) (in.getInt() == 0 ? 0xFF : 0));
      case SwjSequence.ID -> {
        int bits = in.get() & 0xFF;
        bits = bits == 0 ? 256 : bits;
        byte[] data = new byte[(bits + 7) / 8];
        in.get(data);
        dp.sequence(bits, data);
        ok(out, id);
      }
      case SwdConfigure.ID -> {
        in.get();
        ok(out, id);
      }
      case ExecuteCommands.ID -> {
        if ((config.capabilities() & DapInfo.CAP_ATOMIC) == 0) {
          out.put((byte) 0xFF);
          return;
        }
        int n = in.get() & 0xFF;
        out.put((byte) id).put((byte) n);
        for (int i = 0; i < n; i++) {
          command(in, out);
        }
      }
      default -> out.put((byte) 0xFF);
    }
  }

  private static void ok(ByteBuffer out, int id) {
    out.put((byte) id).put((byte) 0);
  }

  private void info(int item, ByteBuffer out) {
    out.put((byte) DapInfo.ID);
    switch (item) {
      case DapInfo.VENDOR -> text(out, "packs");
      case DapInfo.PRODUCT -> text(out, "Virtual CMSIS-DAP");
      case DapInfo.SERIAL -> text(out, "VIRTUAL-DAP");
      case DapInfo.PROTOCOL_VERSION -> text(out, "2.1.1");
      case DapInfo.FIRMWARE_VERSION -> text(out, "1.0");
      case DapInfo.CAPABILITIES -> out.put((byte) 1).put((byte) config.capabilities());
      case DapInfo.PACKET_COUNT -> out.put((byte) 1).put((byte) config.packetCount());
      case DapInfo.PACKET_SIZE -> out.put((byte) 2).putShort((short) config.packetSize());
      default -> out.put((byte) 0);
    }
  }

  private static void text(ByteBuffer out, String value) {
    byte[] bytes = (value + "\0").getBytes(StandardCharsets.UTF_8);
    out.put((byte) bytes.length).put(bytes);
  }

  /** The status byte of an ACK. */
  static int status(Ack ack) {
    return switch (ack) {
      case OK -> TransferStatus.OK;
      case WAIT -> TransferStatus.WAIT;
      case FAULT -> TransferStatus.FAULT;
      case NO_ACK -> TransferStatus.NO_ACK;
      case PROTOCOL_ERROR -> TransferStatus.PROTOCOL_ERROR;
    };
  }
}
