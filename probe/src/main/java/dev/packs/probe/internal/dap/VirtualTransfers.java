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
    int done = 0;
    int status = 0;
    boolean posted = false;
    boolean checkWrite = false;
    int i = 0;
    int request = 0;
    int valueStart = 0;
    for (; i < count; i++) {
      request = in.get() & 0xFF;
      valueStart = in.position();
      if (TransferRequest.isRead(request)) {
        boolean match = (request & TransferRequest.MATCH_VALUE) != 0;
        if (posted) {
          boolean chain = TransferRequest.isAp(request) && !match;
          Reply reply = chain ? swd(request, 0) : rdbuff();
          status = VirtualDapFirmware.status(reply.ack());
          if (reply.ack() != Ack.OK) {
            break;
          }
          out.putInt(reply.data());
          posted = chain;
        }
        if (match) {
          int expected = in.getInt();
          if (TransferRequest.isAp(request)) {
            Reply post = swd(request, 0);
            status = VirtualDapFirmware.status(post.ack());
            if (post.ack() != Ack.OK) {
              break;
            }
          }
          Reply reply;
          int retries = matchRetry;
          do {
            reply = swd(request, 0);
          } while (reply.ack() == Ack.OK && (reply.data() & matchMask) != expected && retries-- > 0);
          status = VirtualDapFirmware.status(reply.ack());
          if (reply.ack() == Ack.OK && (reply.data() & matchMask) != expected) {
            status |= TransferStatus.MISMATCH;
          }
          if (status != TransferStatus.OK) {
            break;
          }
        } else if (TransferRequest.isAp(request)) {
          if (!posted) {
            Reply post = swd(request, 0);
            status = VirtualDapFirmware.status(post.ack());
            if (post.ack() != Ack.OK) {
              break;
            }
            posted = true;
          }
        } else {
          Reply reply = swd(request, 0);
          status = VirtualDapFirmware.status(reply.ack());
          if (reply.ack() != Ack.OK) {
            break;
          }
          out.putInt(reply.data());
        }
        checkWrite = false;
      } else {
        if (posted) {
          Reply reply = rdbuff();
          status = VirtualDapFirmware.status(reply.ack());
          if (reply.ack() != Ack.OK) {
            break;
          }
          out.putInt(reply.data());
          posted = false;
        }
        int value = in.getInt();
        if ((request & TransferRequest.MATCH_MASK) != 0) {
          matchMask = value;
          status = TransferStatus.OK;
        } else {
          Reply reply = swd(request, value);
          status = VirtualDapFirmware.status(reply.ack());
          if (reply.ack() != Ack.OK) {
            break;
          }
          checkWrite = true;
        }
      }
      done++;
    }
    if (i < count) {
      // Stopped at request i: step over its value, read or not, and the requests after it.
      if (TransferRequest.hasValue(request)) {
        in.position(valueStart + 4);
      }
      skipRequests(in, count - i - 1);
    }
    if (status == TransferStatus.OK) {
      if (posted) {
        Reply reply = rdbuff();
        status = VirtualDapFirmware.status(reply.ack());
        if (reply.ack() == Ack.OK) {
          out.putInt(reply.data());
        }
      } else if (checkWrite) {
        status = VirtualDapFirmware.status(rdbuff().ack());
      }
    }
    out.put(header, (byte) done).put(header + 1, (byte) status);
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
