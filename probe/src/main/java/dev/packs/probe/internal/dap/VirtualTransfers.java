package dev.packs.probe.internal.dap;

import dev.packs.probe.internal.arm.Ack;
import dev.packs.probe.internal.arm.Adi;
import dev.packs.probe.internal.sim.SimulatedSwDp;
import dev.packs.probe.internal.sim.SimulatedSwDp.Reply;
import java.nio.ByteBuffer;

/**
 * DAP_Transfer and DAP_TransferBlock as the reference firmware runs them over SWD: posted AP reads,
 * the closing RDBUFF read that checks the last write, WAIT retries, value-match reads and the
 * persistent match mask.
 */
final class VirtualTransfers {
  private final SimulatedSwDp dp;
  private int waitRetry = 100;
  private int matchRetry;
  private int matchMask;

  VirtualTransfers(SimulatedSwDp dp) {
    this.dp = dp;
  }

  void configure(int idle, int waitRetry, int matchRetry) {
    this.waitRetry = waitRetry;
    this.matchRetry = matchRetry;
  }

  /** One SWD transfer, repeated while the target answers WAIT and retries are left. */
  private Reply swd(int request, int value) {
    boolean ap = TransferRequest.isAp(request);
    boolean read = TransferRequest.isRead(request);
    int address = request & 0xC;
    Reply reply = dp.transfer(ap, read, address, value);
    for (int retry = waitRetry; reply.ack() == Ack.WAIT && retry > 0; retry--) {
      reply = dp.transfer(ap, read, address, value);
    }
    return reply;
  }

  private Reply rdbuff() {
    return swd(TransferRequest.of(false, true, Adi.DP_RDBUFF), 0);
  }

  void transfer(ByteBuffer in, ByteBuffer out) {
    in.get(); // DAP index
    int count = in.get() & 0xFF;
    out.put((byte) Transfer.ID);
    int header = out.position();
    out.put((byte) 0).put((byte) 0);
    Run run = new Run(out);
    int done = 0;
    for (; done < count; done++) {
      int request = in.get() & 0xFF;
      int valueStart = in.position();
      boolean ok = TransferRequest.isRead(request) ? run.read(request, in) : run.write(request, in);
      if (!ok) {
        // Stopped here: step over this request's value, read or not, and the requests after it.
        if (TransferRequest.hasValue(request)) {
          in.position(valueStart + 4);
        }
        skipRequests(in, count - done - 1);
        break;
      }
    }
    run.finish();
    out.put(header, (byte) done).put(header + 1, (byte) run.status);
  }

  /**
   * One DAP_Transfer in progress: whether an AP read is posted (its data comes with the next
   * transfer or RDBUFF), whether the last transfer was a write to check, and the status so far.
   */
  private final class Run {
    private final ByteBuffer out;
    private boolean posted;
    private boolean checkWrite;
    private int status;

    Run(ByteBuffer out) {
      this.out = out;
    }

    /** Records {@code reply}'s ACK; true when it was OK. */
    private boolean ok(Reply reply) {
      status = VirtualDapFirmware.status(reply.ack());
      return reply.ack() == Ack.OK;
    }

    /** Collects the posted read's data: chained with the next AP read, else through RDBUFF. */
    private boolean collect(boolean chainWith, int request) {
      Reply reply = chainWith ? swd(request, 0) : rdbuff();
      if (!ok(reply)) {
        return false;
      }
      out.putInt(reply.data());
      posted = chainWith;
      return true;
    }

    boolean read(int request, ByteBuffer in) {
      boolean match = (request & TransferRequest.MATCH_VALUE) != 0;
      boolean ap = TransferRequest.isAp(request);
      boolean chained = posted;
      if (posted && !collect(ap && !match, request)) {
        return false;
      }
      checkWrite = false;
      if (match) {
        return matchRead(request, in.getInt());
      }
      if (ap) {
        if (!chained || !posted) {
          if (!ok(swd(request, 0))) {
            return false;
          }
          posted = true;
        }
        return true;
      }
      Reply reply = swd(request, 0);
      if (!ok(reply)) {
        return false;
      }
      out.putInt(reply.data());
      return true;
    }

    /** Repeats the read until the masked value matches or match_retry runs out. */
    private boolean matchRead(int request, int expected) {
      if (TransferRequest.isAp(request) && !ok(swd(request, 0))) {
        return false;
      }
      Reply reply;
      int retries = matchRetry;
      do {
        reply = swd(request, 0);
      } while (reply.ack() == Ack.OK && (reply.data() & matchMask) != expected && retries-- > 0);
      if (!ok(reply)) {
        return false;
      }
      if ((reply.data() & matchMask) != expected) {
        status |= TransferStatus.MISMATCH;
        return false;
      }
      return true;
    }

    boolean write(int request, ByteBuffer in) {
      if (posted && !collect(false, request)) {
        return false;
      }
      int value = in.getInt();
      if ((request & TransferRequest.MATCH_MASK) != 0) {
        matchMask = value;
        status = TransferStatus.OK;
        return true;
      }
      if (!ok(swd(request, value))) {
        return false;
      }
      checkWrite = true;
      return true;
    }

    /** After the last request: collect a posted read, or check the last write with RDBUFF. */
    void finish() {
      if (status != TransferStatus.OK) {
        return;
      }
      if (posted) {
        collect(false, 0);
      } else if (checkWrite) {
        ok(rdbuff());
      }
    }
  }

  private static void skipRequests(ByteBuffer in, int left) {
    for (int k = 0; k < left; k++) {
      int request = in.get() & 0xFF;
      if (TransferRequest.hasValue(request)) {
        in.getInt();
      }
    }
  }

  void transferBlock(ByteBuffer in, ByteBuffer out) {
    in.get(); // DAP index
    int count = in.getShort() & 0xFFFF;
    int request = in.get() & 0xFF;
    int end = in.position() + (TransferRequest.isRead(request) ? 0 : 4 * count);
    out.put((byte) TransferBlock.ID);
    int header = out.position();
    out.putShort((short) 0).put((byte) 0);
    int done = 0;
    int status = 0;
    if (count > 0 && TransferRequest.isRead(request)) {
      status = readBlock(request, count, out);
      done = (out.position() - header - 3) / 4;
    } else if (count > 0) {
      status = TransferStatus.OK;
      for (; done < count; done++) {
        Reply reply = swd(request, in.getInt());
        if (reply.ack() != Ack.OK) {
          status = VirtualDapFirmware.status(reply.ack());
          break;
        }
      }
      if (done == count) {
        status = VirtualDapFirmware.status(rdbuff().ack());
      }
    }
    in.position(end);
    out.putShort(header, (short) done).put(header + 2, (byte) status);
  }

  private int readBlock(int request, int count, ByteBuffer out) {
    boolean ap = TransferRequest.isAp(request);
    if (ap) {
      Reply post = swd(request, 0);
      if (post.ack() != Ack.OK) {
        return VirtualDapFirmware.status(post.ack());
      }
    }
    int status = TransferStatus.OK;
    for (int k = 0; k < count; k++) {
      Reply reply = ap && k == count - 1 ? rdbuff() : swd(request, 0);
      if (reply.ack() != Ack.OK) {
        return VirtualDapFirmware.status(reply.ack());
      }
      out.putInt(reply.data());
    }
    return status;
  }
}
