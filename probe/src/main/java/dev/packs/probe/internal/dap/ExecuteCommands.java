package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * DAP_ExecuteCommands (0x7F): several commands in one packet, answered in one packet, in order.
 * Offered by probes whose capabilities have the "atomic commands" bit (protocol 1.1.0 and later).
 */
public final class ExecuteCommands implements DapCommand<List<Object>> {
  public static final int ID = 0x7F;
  /** ID and command count, in the request and in the response. */
  public static final int HEADER = 2;

  private final List<DapCommand<?>> commands;

  public ExecuteCommands(List<DapCommand<?>> commands) {
    if (commands.isEmpty() || commands.size() > 255) {
      throw new IllegalArgumentException("DAP_ExecuteCommands carries 1 to 255 commands");
    }
    this.commands = List.copyOf(commands);
  }

  public List<DapCommand<?>> commands() {
    return commands;
  }

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_ExecuteCommands";
  }

  @Override
  public int requestLength() {
    return HEADER + commands.stream().mapToInt(DapCommand::requestLength).sum();
  }

  @Override
  public int maxResponseLength() {
    return HEADER + commands.stream().mapToInt(DapCommand::maxResponseLength).sum();
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID).put((byte) commands.size());
    for (DapCommand<?> command : commands) {
      command.encode(out);
    }
  }

  /** Each command's own answer, in order. */
  @Override
  public List<Object> decode(ByteBuffer in) {
    expectId(in);
    need(in, 1);
    int n = in.get() & 0xFF;
    if (n != commands.size()) {
      throw new ProbeException.Protocol(name(), "the probe ran " + n + " of " + commands.size() + " commands");
    }
    List<Object> results = new ArrayList<>(n);
    for (DapCommand<?> command : commands) {
      results.add(command.decode(in));
    }
    return results;
  }
}
