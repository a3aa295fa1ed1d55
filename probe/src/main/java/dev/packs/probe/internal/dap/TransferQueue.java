package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeException;
import dev.packs.probe.internal.arm.Ack;
import dev.packs.probe.internal.arm.Adi;
import dev.packs.probe.internal.arm.AdiTransfers;
import dev.packs.probe.internal.arm.Origin;
import dev.packs.probe.internal.arm.TransferError;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs queued SWD transfers into as few CMSIS-DAP packets as fit: single transfers into
 * DAP_Transfer, register runs into DAP_TransferBlock, and, when the probe offers atomic commands,
 * several commands into one DAP_ExecuteCommands packet. Full packets are sent at once and up to
 * Packet Count stay in flight; {@link #flush()} waits for the rest.
 */
public final class TransferQueue implements AdiTransfers {
  private final DapLink link;
  private final boolean atomic;
  private final PacketBuilder packet;
  private final List<Single> group = new ArrayList<>();
  private boolean grouping;
  private Failure failure;

  /** One transfer of a DAP_Transfer and where its answer goes. */
  record Single(int request, int value, Origin origin, int index, int[] into, int at,
      boolean[] matched) {}

  /** The first failure the answers reported, and the ABORT that recovers from it. */
  record Failure(Ack ack, RuntimeException error) {}

  public TransferQueue(DapLink link, boolean atomic) {
    this.link = link;
    this.atomic = atomic;
    this.packet = new PacketBuilder(link.packetSize(), atomic, this::send);
  }

  @Override
  public void read(boolean ap, int address, int[] into, int at, Origin origin) {
    add(new Single(TransferRequest.of(ap, true, address), 0, origin, 0, into, at, null));
  }

  @Override
  public void write(boolean ap, int address, int value, Origin origin) {
    add(new Single(TransferRequest.of(ap, false, address), value, origin, 0, null, 0, null));
  }

  @Override
  public void readUntil(boolean ap, int address, int mask, int expected, boolean[] matched, int at,
      Origin origin) {
    add(new Single(TransferRequest.MATCH_MASK, mask, origin, 0, null, 0, null));
    add(new Single(TransferRequest.of(ap, true, address) | TransferRequest.MATCH_VALUE, expected,
        origin, 0, null, at, matched));
  }

  @Override
  public void readBlock(boolean ap, int address, int[] into, int at, int count, Origin origin) {
    endGroupIfOpen();
    packet.block(TransferRequest.of(ap, true, address), null, into, at, count, origin);
  }

  @Override
  public void writeBlock(boolean ap, int address, int[] words, int at, int count, Origin origin) {
    endGroupIfOpen();
    packet.block(TransferRequest.of(ap, false, address), words, null, at, count, origin);
  }

  @Override
  public void beginGroup() {
    endGroupIfOpen();
    grouping = true;
  }

  @Override
  public void endGroup() {
    grouping = false;
    if (!group.isEmpty()) {
      packet.together(List.copyOf(group));
      group.clear();
    }
  }

  private void endGroupIfOpen() {
    if (grouping) {
      endGroup();
    }
  }

  @Override
  public int maxGroup() {
    return Math.min(Transfer.MAX_TRANSFERS, (link.packetSize() - Transfer.HEADER) / 5);
  }

  private void add(Single single) {
    if (grouping) {
      group.add(single);
    } else {
      packet.single(single);
    }
  }

  @Override
  public void flush() {
    endGroupIfOpen();
    try {
      packet.close();
      link.drain();
    } catch (RuntimeException e) {
      failure = null;
      packet.reset();
      throw e;
    }
    Failure failed = failure;
    failure = null;
    if (failed != null) {
      recover(failed.ack());
      throw new TransferError(failed.ack(), failed.error());
    }
  }

  /** Clears the sticky errors a FAULT left, and aborts the transfer a WAIT left hanging. */
  private void recover(Ack ack) {
    if (ack == Ack.FAULT || ack == Ack.WAIT) {
      link.call(new WriteAbort(Adi.CLEAR_STICKY | (ack == Ack.WAIT ? Adi.DAPABORT : 0)));
    }
  }

  @Override
  public void sequence(int bits, byte[] data) {
    flush();
    for (int done = 0; done < bits; done += 256) {
      int n = Math.min(256, bits - done);
      byte[] part = new byte[(n + 7) / 8];
      for (int bit = 0; bit < n; bit++) {
        int from = done + bit;
        if ((data[from / 8] >> (from % 8) & 1) != 0) {
          part[bit / 8] |= (byte) (1 << (bit % 8));
        }
      }
      link.call(new SwjSequence(n, part));
    }
  }

  /** Posts one packet; its answer is dispatched to the transfers it carried. */
  private void send(DapCommand<?> command, List<Dispatch> dispatches) {
    link.post(command, result -> {
      List<?> results = command instanceof ExecuteCommands ? (List<?>) result : List.of(result);
      for (int i = 0; i < dispatches.size(); i++) {
        Failure failed = dispatches.get(i).deliver(results.get(i));
        if (failed != null && failure == null) {
          failure = failed;
        }
      }
    });
  }

  /** Delivers one command's answer; returns the failure it reports, or null. */
  interface Dispatch {
    Failure deliver(Object result);
  }

  /** How a DAP_Transfer answer reaches its transfers. */
  static Failure deliverTransfer(List<Single> singles, Transfer.Result result) {
    int done = result.done();
    TransferStatus status = result.status();
    int word = 0;
    int lastData = status.ack() != Ack.OK && done > 0
        && TransferRequest.isPostedRead(singles.get(done - 1).request()) ? done - 1 : done;
    for (int i = 0; i < lastData; i++) {
      Single s = singles.get(i);
      if (TransferRequest.returnsData(s.request())) {
        s.into()[s.at()] = result.data()[word++];
      } else if (s.matched() != null) {
        s.matched()[s.at()] = true;
      }
    }
    if (status.ok()) {
      return done == singles.size() ? null : new Failure(Ack.PROTOCOL_ERROR,
          new ProbeException.Protocol("DAP_Transfer",
              "the probe answered OK after " + done + " of " + singles.size() + " transfers"));
    }
    if (status.mismatch() && status.ack() == Ack.OK) {
      Single s = singles.get(Math.min(done, singles.size() - 1));
      if (s.matched() != null) {
        s.matched()[s.at()] = false;
      }
      return null;
    }
    int culprit = status.ack() == Ack.FAULT && done > 0
        && TransferRequest.isAp(singles.get(done - 1).request()) ? done - 1 : Math.min(done, singles.size() - 1);
    Single s = singles.get(culprit);
    return new Failure(status.ack(), s.origin().failure(status.ack(), s.index()));
  }

  /** How a DAP_TransferBlock answer reaches its slice of a run. */
  static Failure deliverBlock(TransferBlock block, int[] into, int at, int first, Origin origin,
      TransferBlock.Result result) {
    if (block.isRead()) {
      System.arraycopy(result.data(), 0, into, at + first, result.done());
    }
    TransferStatus status = result.status();
    if (status.ok() && result.done() == block.count()) {
      return null;
    }
    if (status.ok()) {
      return new Failure(Ack.PROTOCOL_ERROR, new ProbeException.Protocol("DAP_TransferBlock",
          "the probe answered OK after " + result.done() + " of " + block.count() + " transfers"));
    }
    int culprit = !block.isRead() && status.ack() == Ack.FAULT
        ? Math.max(result.done() - 1, 0) : Math.min(result.done(), block.count() - 1);
    return new Failure(status.ack(), origin.failure(status.ack(), first + culprit));
  }
}
