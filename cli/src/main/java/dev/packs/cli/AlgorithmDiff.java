package dev.packs.cli;

import dev.packs.emulator.Emulator;
import dev.packs.emulator.EmulatorListener;
import dev.packs.emulator.FlashImage;
import dev.packs.emulator.PeripheralWrite;
import dev.packs.flash.AlgorithmFunction;
import dev.packs.flash.AlgorithmSession;
import dev.packs.flash.CallLimits;
import dev.packs.flash.CallResult;
import dev.packs.flash.FlashListener;
import dev.packs.flash.FlashRegion;
import dev.packs.flash.FlashTarget;
import dev.packs.flash.Operation;
import dev.packs.flash.Sector;
import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.RamWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Runs the same operations with two algorithms, each on its own fresh emulated device, and records per
 * call what each did: the result, the peripheral register writes and the flash ranges that changed.
 * Before each EraseSector the whole flash holds a pattern (loaded directly, not through an algorithm),
 * so an erase of the wrong sector shows; before ProgramPage the flash is erased the same way.
 */
final class AlgorithmDiff {
  private AlgorithmDiff() {}

  /** One step of the script: a call, and what the flash holds before it. */
  private record Step(AlgorithmFunction function, long[] args, Fill fill) {}

  private enum Fill { KEEP, PATTERN, ERASED }

  static List<AlgoDiffReport.Call> run(DeviceSpec device, RamWindow ram, FlashAlgorithm a, FlashAlgorithm b) {
    FlashRegion region = FlashTarget.region("flash", a.device().start(), a.device().size(), a);
    List<Step> steps = script(region);
    List<AlgoDiffReport.Outcome> left = outcomes(device, ram, a, region, steps);
    List<AlgoDiffReport.Outcome> right = outcomes(device, ram, b, region, steps);
    List<AlgoDiffReport.Call> calls = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      List<Long> args = Arrays.stream(step.args()).boxed().toList();
      calls.add(new AlgoDiffReport.Call(step.function().symbol(), args, left.get(i).equals(right.get(i)),
          left.get(i), right.get(i)));
    }
    return calls;
  }

  /** Init, EraseSector on the first, second, middle and last sector, UnInit; then the same with ProgramPage. */
  private static List<Step> script(FlashRegion region) {
    List<Sector> all = region.sectors();
    List<Sector> chosen = new ArrayList<>(new LinkedHashSet<>(List.of(all.get(0), all.get(Math.min(1, all.size() - 1)),
        all.get(all.size() / 2), all.get(all.size() - 1))));
    long start = region.start();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(AlgorithmFunction.INIT, new long[] {start, 0, Operation.ERASE.code()}, Fill.PATTERN));
    for (Sector s : chosen) {
      steps.add(new Step(AlgorithmFunction.ERASE_SECTOR, new long[] {s.start()}, Fill.PATTERN));
    }
    steps.add(new Step(AlgorithmFunction.UNINIT, new long[] {Operation.ERASE.code()}, Fill.KEEP));
    steps.add(new Step(AlgorithmFunction.INIT, new long[] {start, 0, Operation.PROGRAM.code()}, Fill.ERASED));
    for (Sector s : chosen) {
      long length = Math.min(region.pageSize(), s.size());
      steps.add(new Step(AlgorithmFunction.PROGRAM_PAGE, new long[] {s.start(), length}, Fill.KEEP));
    }
    steps.add(new Step(AlgorithmFunction.UNINIT, new long[] {Operation.PROGRAM.code()}, Fill.KEEP));
    return steps;
  }

  private static List<AlgoDiffReport.Outcome> outcomes(DeviceSpec device, RamWindow ram, FlashAlgorithm algorithm,
      FlashRegion region, List<Step> steps) {
    List<PeripheralWrite> writes = new ArrayList<>();
    Emulator emulator = device.emulator(new EmulatorListener() {
      @Override
      public void peripheralWrite(PeripheralWrite write) {
        writes.add(write);
      }
    });
    AlgorithmSession session = AlgorithmSession.load(emulator, AlgorithmPlacer.place(algorithm, ram),
        CallLimits.emulator(), FlashListener.NONE);
    List<AlgoDiffReport.Outcome> out = new ArrayList<>();
    for (Step step : steps) {
      fill(emulator, region, step.fill());
      long[] args = step.args();
      if (step.function() == AlgorithmFunction.PROGRAM_PAGE) {
        long buffer = session.placed().pageBuffers().get(0);
        emulator.write(buffer, pattern(args[0], (int) args[1]));
        args = new long[] {args[0], args[1], buffer};
      }
      writes.clear();
      FlashImage before = emulator.flashImage();
      CallResult call = session.call(step.function(), args);
      out.add(new AlgoDiffReport.Outcome(call.result().isPresent() ? call.result().getAsLong() : null,
          call.halt().reason().name().toLowerCase(Locale.ROOT),
          writes.stream().map(w -> new AlgoDiffReport.Write(w.address(), w.value(), w.register().orElse(null)))
              .toList(),
          emulator.changedPages(before, region.pageSize()).stream()
              .map(r -> new AlgoDiffReport.Range(r.start(), r.size())).toList()));
    }
    return out;
  }

  private static void fill(Emulator emulator, FlashRegion region, Fill fill) {
    if (fill == Fill.KEEP) {
      return;
    }
    byte[] content = fill == Fill.PATTERN ? pattern(region.start(), (int) region.size()) : new byte[(int) region.size()];
    if (fill == Fill.ERASED) {
      Arrays.fill(content, (byte) region.erasedValue());
    }
    emulator.loadFlash(region.start(), content);
  }

  /** Each word holds its own address, as {@code packs emulate} writes, so misplaced data is easy to spot. */
  private static byte[] pattern(long address, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      long word = address + (i & ~3);
      out[i] = (byte) (word >>> (8 * (i & 3)));
    }
    return out;
  }
}
