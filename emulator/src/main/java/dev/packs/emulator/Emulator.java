package dev.packs.emulator;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.MemoryBus;
import dev.packs.emulator.internal.cpu.BusFault;
import dev.packs.emulator.internal.cpu.Cpu;
import dev.packs.emulator.internal.cpu.SpecialRegister;
import dev.packs.emulator.internal.cpu.Stop;
import dev.packs.emulator.internal.machine.Machine;
import dev.packs.target.CoreRegister;
import dev.packs.target.Fault;
import dev.packs.target.FaultKind;
import dev.packs.target.Halt;
import dev.packs.target.MemoryAccessException;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import dev.packs.target.Target;
import dev.packs.target.TargetStateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An emulated Cortex-M device: the pure-Java interpreter over a memory bus with RAM, NOR flash and
 * flash-controller models, driven through the same {@link Target} API as a probe. Build one with
 * {@link #builder()}. Not thread-safe, except that {@link #halt()} may be called while {@link #run}
 * runs on another thread.
 */
public final class Emulator implements Target {
  /** Instructions per slice of a run; the time limit and halt requests are checked between slices. */
  private static final long SLICE = 1L << 20;
  /** How many instructions at the end of a run that hits its limit run traced. */
  private static final long TRACED_TAIL = 4096;

  private final Machine machine;
  private final Cpu cpu;
  private volatile boolean running;

  private Emulator(Machine machine, Core core) {
    this.machine = machine;
    this.cpu = new Cpu(machine.bus(), core.architecture());
  }

  public static EmulatorBuilder builder() {
    return new EmulatorBuilder();
  }

  static Emulator create(Machine machine, Core core) {
    return new Emulator(machine, core);
  }

  @Override
  public byte[] read(long address, int length) {
    checkRange(address, length);
    requireHalted();
    MemoryBus bus = machine.bus();
    byte[] out = new byte[length];
    try {
      for (int i = 0; i < length; i++) {
        out[i] = (byte) bus.read((int) (address + i), 1);
      }
    } catch (BusFault fault) {
      throw refused(fault, false);
    }
    return out;
  }

  @Override
  public void write(long address, byte[] data) {
    checkRange(address, data.length);
    requireHalted();
    MemoryBus bus = machine.bus();
    try {
      for (int i = 0; i < data.length; i++) {
        bus.write((int) (address + i), 1, data[i]);
      }
    } catch (BusFault fault) {
      throw refused(fault, true);
    }
  }

  @Override
  public int readWord(long address) {
    checkRange(address, 4);
    requireHalted();
    try {
      return machine.bus().read((int) address, 4);
    } catch (BusFault fault) {
      throw refused(fault, false);
    }
  }

  @Override
  public void writeWord(long address, int value) {
    checkRange(address, 4);
    requireHalted();
    try {
      machine.bus().write((int) address, 4, value);
    } catch (BusFault fault) {
      throw refused(fault, true);
    }
  }

  private static MemoryAccessException refused(BusFault fault, boolean write) {
    return new MemoryAccessException(Integer.toUnsignedLong(fault.address()), write,
        fault.getMessage(), fault);
  }

  private static void checkRange(long address, int length) {
    if (address < 0 || length < 0 || address + length > 0x1_0000_0000L) {
      throw new IllegalArgumentException(
          String.format("range 0x%X+%d is outside the 32-bit address space", address, length));
    }
  }

  @Override
  public int readRegister(CoreRegister register) {
    requireHalted();
    return switch (register) {
      case XPSR -> cpu.xpsr();
      case MSP -> cpu.specialRegister(SpecialRegister.MSP);
      case PSP -> cpu.specialRegister(SpecialRegister.PSP);
      default -> cpu.reg(register.selector());
    };
  }

  @Override
  public void writeRegister(CoreRegister register, int value) {
    requireHalted();
    switch (register) {
      case XPSR -> cpu.setXpsr(value);
      case MSP -> cpu.setSpecialRegister(SpecialRegister.MSP, value);
      case PSP -> cpu.setSpecialRegister(SpecialRegister.PSP, value);
      default -> cpu.setReg(register.selector(), value);
    }
  }

  @Override
  public Halt run(RunLimit limit) {
    Objects.requireNonNull(limit, "limit");
    requireHalted();
    MemoryBus bus = machine.bus();
    bus.forgetReads();
    long deadline = System.nanoTime() + limit.time().toNanos();
    long left = limit.instructions();
    long executed = 0;
    boolean tracing = false;
    running = true;
    try {
      while (true) {
        if (!tracing && (left <= TRACED_TAIL || System.nanoTime() - deadline >= 0)) {
          // The last instructions before the limit run traced, so a hang names what it polled.
          tracing = true;
          left = Math.min(left, TRACED_TAIL);
          bus.trace(true);
        }
        long chunk = tracing ? left : Math.min(left - TRACED_TAIL, SLICE);
        Stop stop = cpu.run(chunk);
        executed += stop.instructions();
        left -= stop.instructions();
        if (stop.kind() != Stop.Kind.LIMIT) {
          return halt(stop, executed);
        }
        if (left <= 0) {
          return new Halt(StopReason.LIMIT, Integer.toUnsignedLong(stop.pc()), executed,
              Optional.empty());
        }
      }
    } finally {
      bus.trace(false);
      running = false;
    }
  }

  private Halt halt(Stop stop, long executed) {
    long pc = Integer.toUnsignedLong(stop.pc());
    return switch (stop.kind()) {
      case BREAKPOINT -> new Halt(StopReason.BREAKPOINT, pc, executed, Optional.empty());
      case HALTED -> new Halt(StopReason.HALTED, pc, executed, Optional.empty());
      case LIMIT -> new Halt(StopReason.LIMIT, pc, executed, Optional.empty());
      case FAULT -> new Halt(StopReason.FAULT, pc, executed, stop.fault().map(this::fault));
    };
  }

  private Fault fault(dev.packs.emulator.internal.cpu.Fault fault) {
    FaultKind kind = switch (fault.kind()) {
      case UNDEFINED_INSTRUCTION -> FaultKind.UNDEFINED_INSTRUCTION;
      case UNALIGNED -> FaultKind.UNALIGNED_ACCESS;
      case BUS -> FaultKind.BUS_ERROR;
      default -> FaultKind.OTHER;
    };
    OptionalLong address = fault.address().isPresent()
        ? OptionalLong.of(Integer.toUnsignedLong(fault.address().getAsInt()))
        : OptionalLong.empty();
    String detail = kind == FaultKind.OTHER ? fault.kind() + ": " + fault.detail() : fault.detail();
    if (address.isPresent() && detail.contains("unmapped")) {
      // Name what the algorithm wanted there when the family's map knows it.
      Optional<String> what = describe(address.getAsLong());
      if (what.isPresent()) {
        detail = detail + " (" + what.get() + ")";
      }
    }
    return new Fault(kind, Integer.toUnsignedLong(fault.pc()), address, detail);
  }

  @Override
  public void halt() {
    if (running) {
      cpu.requestHalt();
    }
  }

  private void requireHalted() {
    if (running) {
      throw new TargetStateException("the emulated core is running; halt it first");
    }
  }

  /** How the memory map was adjusted while building: clipped RAM, the fallback RAM. */
  public List<String> memoryNotes() {
    return machine.notes();
  }

  /** The instructions executed since the emulator was built. */
  public long instructionCount() {
    return cpu.instructionCount();
  }

  /**
   * After a run that hit its limit: the peripheral (or, permissive, unmapped) address the code read
   * most in its last reads, which is what a hung algorithm polls.
   */
  public OptionalLong polledAddress() {
    return machine.bus().mostPolledAddress()
        .map(a -> OptionalLong.of(Integer.toUnsignedLong(a))).orElse(OptionalLong.empty());
  }

  /**
   * Why a run ended somewhere other than its breakpoint, in terms a user can act on: for a hang,
   * what the code kept reading (a register by name, an unmodelled address, a flash status word, a
   * RAM variable only an interrupt would change); for a fault, what was touched and why it was
   * refused. Empty after a breakpoint. Call it right after {@link #run}.
   */
  public Optional<String> explain(Halt halt) {
    return switch (halt.reason()) {
      case BREAKPOINT, HALTED -> Optional.empty();
      case FAULT -> halt.fault().map(f -> Diagnosis.fault(f, this::describe));
      case LIMIT -> Optional.of(Diagnosis.hang(halt, machine.bus().mostPolled(),
          this::describe, Integer.toUnsignedLong(cpu.reg(13))));
    };
  }

  /**
   * What lies at {@code address}: a modelled register's name, or the family's name for a
   * peripheral the model does not have, marked {@code not modelled}.
   */
  public Optional<String> describe(long address) {
    return registerName(address).or(() -> machine.unmodelled((int) address)
        .map(n -> n + ", not modelled"));
  }

  /** The name of the peripheral register at {@code address}, when a model knows it. */
  public Optional<String> registerName(long address) {
    return machine.bus().peripheral((int) address)
        .flatMap(p -> p.registerName((int) address - p.base()));
  }

  /** A copy of every flash array, to compare with {@link #changedPages} later. */
  public FlashImage flashImage() {
    List<byte[]> copies = new ArrayList<>();
    for (FlashArray array : machine.flashes()) {
      copies.add(array.snapshot());
    }
    return new FlashImage(copies);
  }

  /**
   * The flash pages (of {@code pageSize} bytes, aligned to each array's start) whose contents differ
   * from {@code before}, with runs of adjacent changed pages merged.
   */
  public List<MemoryRange> changedPages(FlashImage before, long pageSize) {
    if (pageSize <= 0) {
      throw new IllegalArgumentException("page size must be positive: " + pageSize);
    }
    List<MemoryRange> changed = new ArrayList<>();
    for (int i = 0; i < machine.flashes().size(); i++) {
      FlashArray array = machine.flashes().get(i);
      changed.addAll(before.diff(i, array.snapshot(), Integer.toUnsignedLong(array.start()),
          (int) Math.min(pageSize, array.size())));
    }
    return changed;
  }

  /** Returns the peripheral models to their reset state, as a system reset would; memory stays. */
  public void resetPeripherals() {
    requireHalted();
    machine.bus().resetPeripherals();
  }

  /** Loads {@code image} into flash at {@code address} directly, bypassing the controller. */
  public void loadFlash(long address, byte[] image) {
    for (FlashArray array : machine.flashes()) {
      long offset = address - Integer.toUnsignedLong(array.start());
      if (offset >= 0 && offset + image.length <= array.size()) {
        array.load((int) offset, image);
        return;
      }
    }
    throw new MemoryAccessException(address, true, "no flash array holds the whole image", null);
  }
}
