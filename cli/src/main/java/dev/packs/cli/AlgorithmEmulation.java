package dev.packs.cli;

import dev.packs.emulator.Core;
import dev.packs.emulator.Emulator;
import dev.packs.emulator.EmulatorListener;
import dev.packs.emulator.FlashImage;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.PeripheralWrite;
import dev.packs.emulator.RamRegion;
import dev.packs.flash.AlgorithmFunction;
import dev.packs.flash.AlgorithmSession;
import dev.packs.flash.CallLimits;
import dev.packs.flash.CallResult;
import dev.packs.flash.FlashListener;
import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlashDevice;
import dev.packs.flm.PlacedAlgorithm;
import dev.packs.flm.RamWindow;
import dev.packs.flm.SectorRun;
import dev.packs.target.Halt;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs flash-algorithm functions in the emulator through the flash engine's {@link AlgorithmSession}
 * (placed by {@link AlgorithmPlacer}, called by the session's convention) and records what each call
 * did to the emulated device: peripheral writes, changed flash pages, the address a hung call polled.
 */
final class AlgorithmEmulation {
  private static final int XPSR_THUMB = 0x0100_0000;

  /** What to run. {@code data} replaces the test pattern that ProgramPage otherwise writes. */
  record Request(FlashAlgorithm algorithm, Optional<String> device, Optional<FlashModel> model,
      Core core, List<RamRegion> rams, RamWindow ram, boolean permissive,
      List<AlgorithmCall> calls, Optional<byte[]> data, long maxInstructions, Duration timeout) {
    Request {
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(core, "core");
      rams = List.copyOf(rams);
      Objects.requireNonNull(ram, "ram");
      calls = List.copyOf(calls);
      Objects.requireNonNull(data, "data");
    }
  }

  private final Request request;
  private final FlashAlgorithm algorithm;
  private final List<PeripheralWrite> writes = new ArrayList<>();
  private Emulator emulator;
  private PlacedAlgorithm placed;
  private AlgorithmSession session;

  private AlgorithmEmulation(Request request) {
    this.request = request;
    this.algorithm = request.algorithm();
  }

  /** Places the algorithm, runs every call in order and reports each one. */
  static EmulationReport run(Request request) {
    return new AlgorithmEmulation(request).runAll();
  }

  /** The model for the device when one is named, else for the algorithm's FlashDevice name. */
  static Optional<FlashModel> guessModel(Optional<String> device, FlashAlgorithm algorithm) {
    return FlashModel.forDevice(device.orElse(algorithm.device().name()));
  }

  /** The calls run when none are given: erase and program the first sector, as the engine would. */
  static List<AlgorithmCall> defaultCalls(FlashAlgorithm algorithm) {
    long start = algorithm.device().start();
    return List.of(
        new AlgorithmCall(AlgorithmFunction.INIT, List.of(start, 0L, 1L)),
        new AlgorithmCall(AlgorithmFunction.ERASE_SECTOR, List.of(start)),
        new AlgorithmCall(AlgorithmFunction.UNINIT, List.of(1L)),
        new AlgorithmCall(AlgorithmFunction.INIT, List.of(start, 0L, 2L)),
        new AlgorithmCall(AlgorithmFunction.PROGRAM_PAGE, List.of(start)),
        new AlgorithmCall(AlgorithmFunction.UNINIT, List.of(2L)));
  }

  private EmulationReport runAll() {
    emulator = buildEmulator();
    placed = AlgorithmPlacer.place(algorithm, request.ram());
    session = AlgorithmSession.load(emulator, placed, CallLimits.emulator(), FlashListener.NONE);
    List<EmulationReport.Call> calls = new ArrayList<>();
    for (AlgorithmCall call : request.calls()) {
      calls.add(runOne(call));
    }
    return new EmulationReport(
        request.device().orElse(algorithm.device().name()),
        new EmulationReport.Algorithm(algorithm.source(), algorithm.sha256()),
        request.model().map(m -> m.name()).orElse(null),
        new EmulationReport.Layout(placed.loadAddress(), placed.staticBase(), placed.pageBuffers(),
            placed.stackBottom(), placed.stackTop()),
        calls);
  }

  private Emulator buildEmulator() {
    FlashDevice device = algorithm.device();
    List<FlashRegion.SectorRun> runs = new ArrayList<>();
    for (SectorRun run : algorithm.sectors()) {
      runs.add(new FlashRegion.SectorRun(run.start() - device.start(), run.size()));
    }
    var builder = Emulator.builder().core(request.core());
    request.rams().forEach(builder::ram);
    builder
        .flash(new FlashRegion(device.start(), device.size(), device.erasedValue(), runs))
        .device(request.device().orElse(device.name()))
        .permissive(request.permissive())
        .listener(new EmulatorListener() {
          @Override
          public void peripheralWrite(PeripheralWrite write) {
            writes.add(write);
          }
        });
    request.model().ifPresent(builder::model);
    return builder.build();
  }

  private EmulationReport.Call runOne(AlgorithmCall call) {
    if (!session.has(call.function())) {
      throw new UsageException(algorithm.source() + " has no " + call.function().symbol() + " function");
    }
    List<Long> args = arguments(call);
    if (call.function() == AlgorithmFunction.PROGRAM_PAGE) {
      fillPageBuffer(args.get(0), args.get(1));
    }
    writes.clear();
    FlashImage before = emulator.flashImage();
    CallResult result = session.call(call.function(), args,
        RunLimit.of(request.maxInstructions(), request.timeout()));
    return report(call, args, before, result);
  }

  private EmulationReport.Call report(AlgorithmCall call, List<Long> args, FlashImage before,
      CallResult outcome) {
    Halt halt = outcome.halt();
    Long result = outcome.result().isPresent() ? outcome.result().getAsLong() : null;
    EmulationReport.Fault fault = halt.fault().map(f -> new EmulationReport.Fault(
        f.kind().name(), f.pc(), f.address().isPresent() ? f.address().getAsLong() : null,
        f.detail())).orElse(null);
    OptionalLong polled = halt.reason() == StopReason.LIMIT
        ? emulator.polledAddress() : OptionalLong.empty();
    List<EmulationReport.Write> written = writes.stream()
        .map(w -> new EmulationReport.Write(w.address(), w.value(), w.register().orElse(null)))
        .toList();
    List<EmulationReport.Range> changed = emulator
        .changedPages(before, Math.max(4, algorithm.device().pageSize())).stream()
        .map(r -> new EmulationReport.Range(r.start(), r.size()))
        .toList();
    return new EmulationReport.Call(call.function().symbol(), args, result, halt.instructions(),
        halt.reason().name().toLowerCase(Locale.ROOT), fault,
        polled.isPresent() ? polled.getAsLong() : null, written, changed,
        emulator.explain(halt).orElse(null));
  }

  /** The call's arguments with the defaults filled in. */
  private List<Long> arguments(AlgorithmCall call) {
    FlashDevice device = algorithm.device();
    List<Long> given = call.args();
    long first = given.isEmpty() ? device.start() : given.get(0);
    long pageSize = placed.pageBufferSize();
    return switch (call.function()) {
      case INIT -> List.of(first, arg(given, 1, 0), arg(given, 2, 1));
      case UNINIT -> List.of(given.isEmpty() ? 1L : given.get(0));
      case ERASE_SECTOR -> List.of(first);
      case ERASE_CHIP -> List.of();
      case PROGRAM_PAGE, BLANK_CHECK, VERIFY -> {
        long length = arg(given, 1, request.data().map(d -> Math.min(d.length, pageSize))
            .orElse(pageSize));
        if (length > pageSize) {
          throw new UsageException(String.format(
              "%s length 0x%X is larger than the page buffer (0x%X)", call.function().symbol(),
              length, pageSize));
        }
        yield List.of(first, length, arg(given, 2, placed.pageBuffers().get(0)));
      }
    };
  }

  private static long arg(List<Long> given, int index, long fallback) {
    return given.size() > index ? given.get(index) : fallback;
  }

  /**
   * Writes the data for a ProgramPage into the page buffer: {@code --data} when given, else each
   * word holds its own flash address, so a misplaced write is easy to spot.
   */
  private void fillPageBuffer(long address, long length) {
    byte[] page = new byte[(int) length];
    if (request.data().isPresent()) {
      byte[] data = request.data().get();
      java.util.Arrays.fill(page, (byte) algorithm.device().erasedValue());
      System.arraycopy(data, 0, page, 0, Math.min(data.length, page.length));
    } else {
      for (int i = 0; i < page.length; i++) {
        long word = address + (i & ~3);
        page[i] = (byte) (word >>> (8 * (i & 3)));
      }
    }
    emulator.write(placed.pageBuffers().get(0), page);
  }
}
