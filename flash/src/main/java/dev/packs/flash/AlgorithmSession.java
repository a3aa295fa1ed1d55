package dev.packs.flash;

import dev.packs.flm.EntryPoints;
import dev.packs.flm.PlacedAlgorithm;
import dev.packs.target.CoreRegister;
import dev.packs.target.Halt;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import dev.packs.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A flash algorithm loaded into a target's RAM, and the one place that knows how to call it: PC = the
 * entry point (Thumb bit cleared, xPSR T bit set), r0-r3 = the arguments, r9 = the static base, SP =
 * the top of the placement's stack, LR = the BKPT trampoline; run until the core halts; r0 is the
 * result. SP, r9 and xPSR are written on the first call, on every Init and after a call that did not
 * return, as pyOCD and probe-rs do; a returning function leaves them as they were.
 *
 * <p>{@link #begin} brackets work in {@code Init(address, 0, operation)} and {@code UnInit(operation)};
 * closing the session calls the pending UnInit. Failures are {@link FlashException.AlgorithmFailed}
 * with messages like pyOCD's.
 */
public final class AlgorithmSession implements AutoCloseable {
  private static final int XPSR_THUMB = 0x0100_0000;

  private final Target target;
  private final PlacedAlgorithm placed;
  private final CallLimits limits;
  private final FlashListener listener;
  private Optional<Operation> operation = Optional.empty();
  private boolean framed;
  private long calls;
  private int nextBuffer;

  private AlgorithmSession(Target target, PlacedAlgorithm placed, CallLimits limits, FlashListener listener) {
    this.target = target;
    this.placed = placed;
    this.limits = limits;
    this.listener = listener;
  }

  /** Writes the trampoline, the blob and the stack canary into the target's RAM. */
  public static AlgorithmSession load(Target target, PlacedAlgorithm placed, CallLimits limits,
      FlashListener listener) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(placed, "placed");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(listener, "listener");
    target.write(placed.loadAddress(), placed.image().toByteArray());
    target.writeWord(placed.stackBottom(), (int) PlacedAlgorithm.STACK_CANARY);
    return new AlgorithmSession(target, placed, limits, listener);
  }

  public PlacedAlgorithm placed() {
    return placed;
  }

  /** How many algorithm functions this session has called. */
  public long calls() {
    return calls;
  }

  /** The operation the last successful Init prepared for, until its UnInit. */
  public Optional<Operation> operation() {
    return operation;
  }

  /** True when the algorithm has {@code function} (EraseChip, BlankCheck and Verify are optional). */
  public boolean has(AlgorithmFunction function) {
    return entry(function).isPresent();
  }

  /** Calls {@code function} with the run limit {@link CallLimits} gives it; never throws for what the call did. */
  public CallResult call(AlgorithmFunction function, long... args) {
    return call(function, boxed(args), limits.limit(function, placed.algorithm()));
  }

  /**
   * Calls {@code function} once and reports what happened, whatever it was: this is what {@code packs
   * emulate} shows. The high-level methods below turn a bad result into an exception.
   *
   * @throws IllegalArgumentException when the algorithm lacks the function or too many arguments are given
   */
  public CallResult call(AlgorithmFunction function, List<Long> args, RunLimit limit) {
    long entry = entry(function).orElseThrow(() -> new IllegalArgumentException(
        placed.algorithm().source() + " has no " + function.symbol() + " function"));
    if (args.size() > function.arity()) {
      throw new IllegalArgumentException(String.format("%s takes at most %d arguments, not %d",
          function.symbol(), function.arity(), args.size()));
    }
    if (!framed || function == AlgorithmFunction.INIT) {
      target.writeRegister(CoreRegister.SP, (int) placed.stackTop());
      target.writeRegister(CoreRegister.R9, (int) placed.staticBase());
      target.writeRegister(CoreRegister.XPSR, XPSR_THUMB);
    }
    target.writeRegister(CoreRegister.PC, (int) (entry & ~1L));
    target.writeRegister(CoreRegister.LR, (int) (placed.loadAddress() | 1));
    for (int i = 0; i < args.size(); i++) {
      target.writeRegister(CoreRegister.general(i), (int) (long) args.get(i));
    }
    Halt halt = target.run(limit);
    calls++;
    boolean breakpoint = halt.reason() == StopReason.BREAKPOINT;
    OptionalLong result = breakpoint
        ? OptionalLong.of(Integer.toUnsignedLong(target.readRegister(CoreRegister.R0)))
        : OptionalLong.empty();
    boolean returned = breakpoint && halt.pc() == placed.loadAddress();
    boolean overflow = target.readWord(placed.stackBottom()) != (int) PlacedAlgorithm.STACK_CANARY;
    if (overflow) {
      target.writeWord(placed.stackBottom(), (int) PlacedAlgorithm.STACK_CANARY);
    }
    framed = returned;
    Optional<String> diagnosis = breakpoint ? Optional.empty() : target.explain(halt);
    CallResult call = new CallResult(function, args, halt, result, returned, overflow, diagnosis);
    listener.called(call);
    return call;
  }

  /**
   * Prepares for {@code wanted}: nothing when Init already did, else UnInit of the pending operation
   * and {@code Init(flash start, 0, wanted)}.
   */
  public void begin(Operation wanted) throws FlashException {
    if (operation.equals(Optional.of(wanted))) {
      return;
    }
    end();
    long start = placed.algorithm().device().start();
    require(call(AlgorithmFunction.INIT, start, 0, wanted.code()), start);
    operation = Optional.of(wanted);
  }

  /** Calls UnInit for the pending operation, if any. */
  public void end() throws FlashException {
    if (operation.isPresent()) {
      Operation pending = operation.get();
      operation = Optional.empty();
      require(call(AlgorithmFunction.UNINIT, pending.code()), placed.algorithm().device().start());
    }
  }

  /** Erases the sector at {@code address}; call {@code begin(ERASE)} first. */
  public void eraseSector(long address) throws FlashException {
    require(call(AlgorithmFunction.ERASE_SECTOR, address), address);
  }

  /** Erases the whole flash the algorithm covers; call {@code begin(ERASE)} first. */
  public void eraseChip() throws FlashException {
    require(call(AlgorithmFunction.ERASE_CHIP), placed.algorithm().device().start());
  }

  /**
   * Writes {@code data} into a page buffer and programs it at {@code address}; with two buffers they
   * alternate, so the next page's data goes where the algorithm is not reading.
   */
  public void programPage(long address, byte[] data) throws FlashException {
    long buffer = fill(data);
    require(call(AlgorithmFunction.PROGRAM_PAGE, address, data.length, buffer), address);
  }

  /**
   * Runs the algorithm's Verify on {@code data} at {@code address}. CMSIS Verify returns {@code address +
   * length} on success, else the first address that differs.
   *
   * @return the first differing address, or empty when the flash holds {@code data}
   */
  public OptionalLong verify(long address, byte[] data) throws FlashException {
    long buffer = fill(data);
    CallResult call = call(AlgorithmFunction.VERIFY, address, data.length, buffer);
    requireReturned(call, address);
    long result = call.result().getAsLong();
    long end = (address + data.length) & 0xFFFF_FFFFL;
    return result == end ? OptionalLong.empty() : OptionalLong.of(result);
  }

  /** Runs BlankCheck: true when every byte of the range holds {@code pattern} (result 0). */
  public boolean blankCheck(long address, long length, int pattern) throws FlashException {
    CallResult call = call(AlgorithmFunction.BLANK_CHECK, address, length, pattern & 0xFF);
    requireReturned(call, address);
    return call.result().getAsLong() == 0;
  }

  /** Calls UnInit when an operation is pending. */
  @Override
  public void close() throws FlashException {
    end();
  }

  private long fill(byte[] data) {
    if (data.length > placed.pageBufferSize()) {
      throw new IllegalArgumentException(String.format(
          "0x%X bytes do not fit the page buffer of 0x%X", data.length, placed.pageBufferSize()));
    }
    long buffer = placed.pageBuffers().get(nextBuffer);
    nextBuffer = (nextBuffer + 1) % placed.pageBuffers().size();
    target.write(buffer, data);
    return buffer;
  }

  private Optional<Long> entry(AlgorithmFunction function) {
    EntryPoints points = placed.entryPoints();
    OptionalLong entry = switch (function) {
      case INIT -> OptionalLong.of(points.init());
      case UNINIT -> OptionalLong.of(points.unInit());
      case ERASE_SECTOR -> OptionalLong.of(points.eraseSector());
      case PROGRAM_PAGE -> OptionalLong.of(points.programPage());
      case ERASE_CHIP -> points.eraseChip();
      case BLANK_CHECK -> points.blankCheck();
      case VERIFY -> points.verify();
    };
    return entry.isPresent() ? Optional.of(entry.getAsLong()) : Optional.empty();
  }

  private void require(CallResult call, long address) throws FlashException {
    requireReturned(call, address);
    if (call.result().getAsLong() != 0) {
      throw new FlashException.AlgorithmFailed(call.function().symbol(), address, String.format(
          "%s failure (address 0x%08X; result code 0x%X)", call.function().phrase(), address,
          call.result().getAsLong()));
    }
  }

  /** Throws unless the call returned through the trampoline with its stack intact. */
  private void requireReturned(CallResult call, long address) throws FlashException {
    if (call.returned() && !call.stackOverflow()) {
      return;
    }
    throw new FlashException.AlgorithmFailed(call.function().symbol(), address,
        failure(call, address) + call.diagnosis().map(d -> "; why: " + d).orElse(""), call.diagnosis());
  }

  /** Why a call that did not return cleanly failed, naming the function, address and pc. */
  private String failure(CallResult call, long address) {
    String what = call.function().phrase();
    Halt halt = call.halt();
    if (call.returned()) {
      return String.format("%s failure (address 0x%08X): the algorithm overflowed its stack (%d bytes)",
          what, address, placed.stackSize());
    }
    return switch (halt.reason()) {
      case FAULT -> String.format("%s fault (address 0x%08X): %s in %s", what, address,
          halt.fault().orElseThrow(), call.call());
      case LIMIT -> String.format("%s timeout (address 0x%08X): %s did not return within %d ms%s;"
              + " stopped at pc 0x%08X", what, address, call.call(),
          CallLimits.timeoutMillis(call.function(), placed.algorithm()),
          halt.instructions() > 0 ? String.format(Locale.ROOT, " (%,d instructions)", halt.instructions()) : "",
          halt.pc());
      case HALTED -> String.format("%s interrupted (address 0x%08X): the core was halted at pc 0x%08X",
          what, address, halt.pc());
      case BREAKPOINT -> String.format("%s failure (address 0x%08X): stopped on a breakpoint at pc"
          + " 0x%08X instead of returning to 0x%08X", what, address, halt.pc(), placed.loadAddress());
    };
  }

  private static List<Long> boxed(long[] args) {
    List<Long> out = new ArrayList<>(args.length);
    for (long a : args) {
      out.add(a);
    }
    return out;
  }
}
