package dev.packs.probe.internal.dap;

import dev.packs.probe.internal.arm.Origin;
import dev.packs.probe.internal.dap.TransferQueue.Dispatch;
import dev.packs.probe.internal.dap.TransferQueue.Single;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills one packet at a time: single transfers go into an open DAP_Transfer, runs into
 * DAP_TransferBlock (or into the open DAP_Transfer when that fills the packet); with atomic commands
 * one packet holds several commands. A full packet is handed to the sender at once.
 */
final class PacketBuilder {
  /** Receives a finished packet: its command and one dispatch per command inside. */
  interface Sender {
    void send(DapCommand<?> command, List<Dispatch> dispatches);
  }

  private final int size;
  private final boolean atomic;
  private final Sender sender;
  private final List<DapCommand<?>> commands = new ArrayList<>();
  private final List<Dispatch> dispatches = new ArrayList<>();
  private final List<Single> open = new ArrayList<>();
  private int openRequest;
  private int openResponse;
  /** Request and response bytes of the closed commands of this packet. */
  private int request;
  private int response;

  PacketBuilder(int size, boolean atomic, Sender sender) {
    this.size = size;
    this.atomic = atomic;
    this.sender = sender;
  }

  void single(Single single) {
    if (!trySingle(single)) {
      close();
      appendOpen(single, cost(single), TransferRequest.returnsData(single.request()) ? 4 : 0);
    }
  }

  /** Adds {@code single} to this packet if it fits: to the open DAP_Transfer, or to a new one. */
  private boolean trySingle(Single single) {
    int r = cost(single);
    int s = TransferRequest.returnsData(single.request()) ? 4 : 0;
    if (open.isEmpty() && commands.isEmpty()) {
      appendOpen(single, r, s);
      return true;
    }
    if (!open.isEmpty() && open.size() < Transfer.MAX_TRANSFERS && fits(r, s, 0)) {
      appendOpen(single, r, s);
      return true;
    }
    if (atomic && fits(Transfer.HEADER + r, Transfer.HEADER + s, 1)) {
      closeOpen();
      appendOpen(single, r, s);
      return true;
    }
    return false;
  }

  /** Transfers that must share one DAP_Transfer. */
  void together(List<Single> singles) {
    int r = singles.stream().mapToInt(PacketBuilder::cost).sum();
    int s = (int) singles.stream().filter(x -> TransferRequest.returnsData(x.request())).count() * 4;
    if (singles.size() > Transfer.MAX_TRANSFERS || Transfer.HEADER + r > size
        || Transfer.HEADER + s > size) {
      throw new IllegalArgumentException("a group of " + singles.size() + " transfers does not fit one packet");
    }
    boolean intoOpen = !open.isEmpty() && open.size() + singles.size() <= Transfer.MAX_TRANSFERS
        && fits(r, s, 0);
    if (!intoOpen) {
      if (atomic && (!open.isEmpty() || !commands.isEmpty())
          && fits(Transfer.HEADER + r, Transfer.HEADER + s, 1)) {
        closeOpen();
      } else {
        close();
      }
    }
    for (Single single : singles) {
      appendOpen(single, cost(single), TransferRequest.returnsData(single.request()) ? 4 : 0);
    }
  }

  /**
   * A run of {@code count} transfers of one register: writes from {@code words}, or reads into
   * {@code into}. Writes take DAP_TransferBlock (4 bytes a word) where a packet is free for it or
   * atomic commands let it share one; reads take DAP_Transfer, which answers as many words per
   * packet, unless a whole packet of them is left.
   */
  void block(int req, int[] words, int[] into, int at, int count, Origin origin) {
    boolean read = TransferRequest.isRead(req);
    int singleCapacity = read ? (size - Transfer.HEADER) / 4 : (size - Transfer.HEADER) / 5;
    int done = 0;
    while (done < count) {
      int left = count - done;
      boolean empty = open.isEmpty() && commands.isEmpty();
      int room = empty || (atomic && !read) ? blockRoom(read, empty) : 0;
      if ((empty && left >= singleCapacity) || (!read && room >= Math.min(left, 8))) {
        int n = Math.min(room, left);
        addBlock(req, words, into, at, done, n, origin);
        done += n;
        if (!atomic) {
          close();
        }
        continue;
      }
      int n = 0;
      while (n < left) {
        int i = done + n;
        Single single = new Single(req, read ? 0 : words[at + i], origin, i, into, at + i, null);
        if (!trySingle(single)) {
          break;
        }
        n++;
      }
      done += n;
      if (n < left) {
        close();
      }
    }
  }

  /** How many run elements a new DAP_TransferBlock in this packet can carry. */
  private int blockRoom(boolean read, boolean empty) {
    int extra = empty ? 0 : 1;
    int usedRequest = used(request + openRequest, commands.size() + (open.isEmpty() ? 0 : 1) + extra);
    int usedResponse = used(response + openResponse, commands.size() + (open.isEmpty() ? 0 : 1) + extra);
    int roomRequest = size - usedRequest - TransferBlock.REQUEST_HEADER;
    int roomResponse = size - usedResponse - TransferBlock.RESPONSE_HEADER;
    int room = read ? roomResponse / 4 : roomRequest / 4;
    if (roomRequest < 0 || roomResponse < 0) {
      return 0;
    }
    return Math.min(room, 0xFFFF);
  }

  private void addBlock(int req, int[] words, int[] into, int at, int first, int n, Origin origin) {
    closeOpen();
    TransferBlock block = TransferRequest.isRead(req)
        ? TransferBlock.read(req, n) : TransferBlock.write(req, words, at + first, n);
    commands.add(block);
    dispatches.add(result -> TransferQueue.deliverBlock(block, into, at, first, origin,
        (TransferBlock.Result) result));
    request += block.requestLength();
    response += block.maxResponseLength();
  }

  private void appendOpen(Single single, int r, int s) {
    if (open.isEmpty()) {
      openRequest = Transfer.HEADER;
      openResponse = Transfer.HEADER;
    }
    open.add(single);
    openRequest += r;
    openResponse += s;
  }

  /** Whether {@code r}/{@code s} more bytes, in {@code newCommands} more commands, fit the packet. */
  private boolean fits(int r, int s, int newCommands) {
    int n = commands.size() + (open.isEmpty() ? 0 : 1) + newCommands;
    return used(request + openRequest + r, n) <= size && used(response + openResponse + s, n) <= size;
  }

  /** Bytes of a packet of {@code n} commands holding {@code bytes}: ExecuteCommands adds its header. */
  private static int used(int bytes, int n) {
    return n > 1 ? bytes + ExecuteCommands.HEADER : bytes;
  }

  private static int cost(Single single) {
    return TransferRequest.hasValue(single.request()) ? 5 : 1;
  }

  private void closeOpen() {
    if (open.isEmpty()) {
      return;
    }
    int[] requests = new int[open.size()];
    int[] values = new int[open.size()];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = open.get(i).request();
      values[i] = open.get(i).value();
    }
    List<Single> singles = List.copyOf(open);
    Transfer transfer = new Transfer(requests, values, requests.length);
    commands.add(transfer);
    dispatches.add(result -> TransferQueue.deliverTransfer(singles, (Transfer.Result) result));
    request += openRequest;
    response += openResponse;
    open.clear();
    openRequest = 0;
    openResponse = 0;
  }

  /** Sends the packet being filled, if any. */
  void close() {
    closeOpen();
    if (commands.isEmpty()) {
      return;
    }
    DapCommand<?> command = commands.size() == 1 ? commands.get(0) : new ExecuteCommands(commands);
    List<Dispatch> sent = List.copyOf(dispatches);
    reset();
    sender.send(command, sent);
  }

  /** Drops the packet being filled. */
  void reset() {
    commands.clear();
    dispatches.clear();
    open.clear();
    openRequest = 0;
    openResponse = 0;
    request = 0;
    response = 0;
  }
}
