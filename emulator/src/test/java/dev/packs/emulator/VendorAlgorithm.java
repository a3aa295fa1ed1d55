package dev.packs.emulator;

import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import dev.packs.flm.PlacedAlgorithm;
import dev.packs.flm.PlacementException;
import dev.packs.flm.RamWindow;
import dev.packs.flm.SectorRun;
import dev.packs.index.Device;
import dev.packs.index.DeviceResolver;
import dev.packs.index.PdscReader;
import dev.packs.target.CoreRegister;
import dev.packs.target.Halt;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A real vendor flash algorithm from ../shared/data/flm (or one of the repository's own, under
 * test-algorithms/) on its device from a real descriptor, run
 * as the flash engine runs it: the device's memory map and flash model, strict bus, the algorithm
 * placed by AlgorithmPlacer in the pack's RAM window (else the default RAM), LR on the trampoline,
 * SP and r9 from the placement, arguments in r0-r3.
 */
final class VendorAlgorithm {
  static final long MAX_INSTRUCTIONS = 50_000_000;

  final FlashAlgorithm algorithm;
  final Device device;
  final Emulator emulator;
  final PlacedAlgorithm placed;
  /** Every peripheral register write since the last call began. */
  final List<PeripheralWrite> writes;

  /** The outcome of one call: the halt, r0 after a breakpoint, and the emulator's explanation. */
  record Call(String function, Halt halt, long result, Optional<String> explanation) {
    boolean succeeded() {
      return halt.reason() == StopReason.BREAKPOINT && result == 0;
    }

    String describe() {
      if (halt.reason() == StopReason.BREAKPOINT) {
        return String.format("%s returned 0x%X", function, result);
      }
      return function + ": " + explanation.orElse(halt.reason().toString());
    }
  }

  private VendorAlgorithm(FlashAlgorithm algorithm, Device device, Emulator emulator,
      PlacedAlgorithm placed, List<PeripheralWrite> writes) {
    this.writes = writes;
    this.algorithm = algorithm;
    this.device = device;
    this.emulator = emulator;
    this.placed = placed;
  }

  static Path shared(String relative) {
    return Path.of(System.getProperty("packs.shared", "../shared")).resolve("data")
        .resolve(relative);
  }

  static FlashAlgorithm load(String flm) {
    Path path = flm.startsWith("test-algorithms/")
        ? Path.of(System.getProperty("packs.repo")).resolve(flm) : shared("flm/" + flm);
    try {
      return FlmLoader.load(Files.readAllBytes(path), path.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Device device(String pdsc, String name) {
    Path path = shared(pdsc);
    try (InputStream in = Files.newInputStream(path)) {
      return DeviceResolver.resolve(PdscReader.read(in, path.toString()), name).orElseThrow(
          () -> new IllegalArgumentException(name + " is not in " + pdsc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (dev.packs.index.IndexException e) {
      throw new IllegalStateException(pdsc + ": " + e.getMessage(), e);
    }
  }

  /**
   * Builds the device and places the algorithm. A placement the pack's RAM window cannot hold
   * throws {@link PlacementException}, which names every size.
   */
  static VendorAlgorithm on(String flm, String pdsc, String deviceName) {
    return on(flm, pdsc, deviceName, EmulatorBuilder.DEFAULT_BUSY_POLLS);
  }

  /** As above, with operations busy for {@code busyPolls} status reads (huge: never done). */
  static VendorAlgorithm on(String flm, String pdsc, String deviceName, int busyPolls) {
    return on(flm, pdsc, deviceName, busyPolls, Optional.empty());
  }

  /** As above on another core than the device's (an algorithm built for a bigger core). */
  static VendorAlgorithm on(String flm, String pdsc, String deviceName, int busyPolls,
      Optional<Core> coreOverride) {
    FlashAlgorithm algorithm = load(flm);
    Device device = device(pdsc, deviceName);
    List<FlashRegion.SectorRun> runs = new ArrayList<>();
    for (SectorRun run : algorithm.sectors()) {
      runs.add(new FlashRegion.SectorRun(run.start() - algorithm.device().start(), run.size()));
    }
    List<DeviceMemory> map = device.memories().stream()
        .filter(m -> m.size() > 0)
        .map(m -> new DeviceMemory(m.name(), m.start(), m.size(), m.writable()))
        .toList();
    Core core = coreOverride.or(() -> device.processors().stream().findFirst()
        .flatMap(p -> Core.fromPdsc(p.core()))).orElse(Core.CORTEX_M4);
    List<PeripheralWrite> writes = new ArrayList<>();
    EmulatorBuilder builder = Emulator.builder()
        .listener(new EmulatorListener() {
          @Override
          public void peripheralWrite(PeripheralWrite write) {
            writes.add(write);
          }
        })
        .core(core)
        .memoryMap(map)
        .flash(new FlashRegion(algorithm.device().start(), algorithm.device().size(),
            algorithm.device().erasedValue(), runs))
        .device(device.name())
        .busyPolls(busyPolls);
    FlashModel.forDevice(device.name()).ifPresent(builder::model);
    Emulator emulator = builder.build();
    PlacedAlgorithm placed = AlgorithmPlacer.place(algorithm, window(device, algorithm));
    emulator.write(placed.loadAddress(), placed.image().toByteArray());
    return new VendorAlgorithm(algorithm, device, emulator, placed, writes);
  }

  /** The pack's RAMstart/RAMsize for this algorithm, else the default RAM, as the engine picks. */
  private static RamWindow window(Device device, FlashAlgorithm algorithm) {
    String file = fileName(algorithm.source());
    for (Device.Algorithm a : device.algorithms()) {
      if (fileName(a.path()).equals(file) && a.ramStart().isPresent()) {
        long start = a.ramStart().get();
        Device.Memory holder = device.memories().stream()
            .filter(m -> m.writable() && start >= m.start() && start < m.start() + m.size())
            .findFirst().orElseThrow();
        long size = a.ramSize().orElse(holder.start() + holder.size() - start);
        return new RamWindow(start, Math.min(size, holder.start() + holder.size() - start));
      }
    }
    Device.Memory ram = device.memories().stream().filter(m -> m.isDefault() && m.writable())
        .findFirst()
        .or(() -> device.memories().stream().filter(m -> m.writable() && m.executable())
            .findFirst())
        .or(() -> device.memories().stream().filter(Device.Memory::writable).findFirst())
        .orElseThrow();
    return new RamWindow(ram.start(), ram.size());
  }

  private static String fileName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  long start() {
    return algorithm.device().start();
  }

  /** The bytes one ProgramPage call takes: the FlashDevice page, within the page buffer. */
  int pageSize() {
    return (int) Math.min(Math.min(algorithm.device().pageSize(), placed.pageBufferSize()),
        algorithm.device().size());
  }

  /** The first sector: where the sequence erases. */
  long sectorSize() {
    return Math.min(algorithm.sectors().get(0).size(), algorithm.device().size());
  }

  Call init(int operation) {
    return call("Init", placed.entryPoints().init(), start(), 0, operation);
  }

  Call unInit(int operation) {
    return call("UnInit", placed.entryPoints().unInit(), operation);
  }

  Call eraseSector(long address) {
    return call("EraseSector", placed.entryPoints().eraseSector(), address);
  }

  Call programPage(long address, byte[] data) {
    emulator.write(placed.pageBuffers().get(0), data);
    return call("ProgramPage", placed.entryPoints().programPage(), address, data.length,
        placed.pageBuffers().get(0));
  }

  /** The algorithm's own Verify over the page buffer, when it has one: start + size means equal. */
  Optional<Call> verify(long address, byte[] data) {
    if (placed.entryPoints().verify().isEmpty()) {
      return Optional.empty();
    }
    emulator.write(placed.pageBuffers().get(0), data);
    return Optional.of(call("Verify", placed.entryPoints().verify().getAsLong(), address,
        data.length, placed.pageBuffers().get(0)));
  }

  Call call(String function, long entry, long... args) {
    writes.clear();
    emulator.writeRegister(CoreRegister.PC, (int) (entry & ~1L));
    emulator.writeRegister(CoreRegister.XPSR, 0x0100_0000);
    emulator.writeRegister(CoreRegister.SP, (int) placed.stackTop());
    emulator.writeRegister(CoreRegister.R9, (int) placed.staticBase());
    emulator.writeRegister(CoreRegister.LR, (int) (placed.loadAddress() | 1));
    for (int i = 0; i < args.length; i++) {
      emulator.writeRegister(CoreRegister.general(i), (int) args[i]);
    }
    Halt halt = emulator.run(RunLimit.of(MAX_INSTRUCTIONS, Duration.ofSeconds(60)));
    long result = halt.reason() == StopReason.BREAKPOINT
        ? Integer.toUnsignedLong(emulator.readRegister(CoreRegister.R0)) : -1;
    if (halt.reason() == StopReason.BREAKPOINT && halt.pc() != placed.loadAddress()) {
      return new Call(function, halt, result, Optional.of(String.format(
          "stopped on a BKPT at 0x%08X inside the algorithm", halt.pc())));
    }
    return new Call(function, halt, result, emulator.explain(halt));
  }

  /** The registers written during the last call, by name (or address), in order. */
  List<String> registersWritten() {
    return writes.stream().map(w -> w.register().orElse(String.format("0x%08X", w.address())))
        .toList();
  }

  /** A page of data that differs at every address and is never all erased. */
  static byte[] pattern(long address, int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      long at = address + i;
      data[i] = (byte) ((at * 31 + (at >>> 8) * 7) ^ 0x5A);
    }
    return data;
  }

  /** What a flash of 0xFF erased cells reads back, {@code length} bytes of it. */
  static byte[] erased(int length) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) 0xFF);
    return b;
  }
}
