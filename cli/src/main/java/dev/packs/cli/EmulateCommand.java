package dev.packs.cli;

import dev.packs.emulator.Core;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.RamRegion;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.RamWindow;
import dev.packs.index.Device;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code packs emulate}: runs a flash algorithm's functions in the emulator and shows what they do. */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a flash algorithm (.flm) in the built-in Cortex-M emulator, placed in RAM exactly as the"
          + " flash engine places it, and show each call's result, instruction count, peripheral"
          + " register writes and changed flash pages. On a hang it names the polled address.",
      "Without --device, flash comes from the algorithm's FlashDevice and RAM from --ram.",
      "Without --call it runs Init, EraseSector, UnInit, Init, ProgramPage, UnInit on the first"
          + " sector. Exit code 5 when a call faults, hangs or returns non-zero."
    })
final class EmulateCommand implements Callable<Integer> {
  private static final String DEFAULT_RAM = "0x20000000:0x10000";
  /** Where the Cortex-M private peripheral bus and vendor system space begin; never RAM. */
  private static final long SYSTEM_SPACE = 0xE000_0000L;

  private final Services services;
  @Spec private CommandSpec spec;
  @ParentCommand private PacksCommand parent;

  @Parameters(index = "0", paramLabel = "FILE.flm", description = "the flash algorithm")
  private String flm;

  @Option(names = "--device", paramLabel = "DEVICE",
      description = "a device from the installed packs or --pack: its RAM, core and flash model")
  private String device;

  @Option(names = "--pack", paramLabel = "PDSC_OR_PACK",
      description = "also look for --device in this .pdsc or .pack file (repeatable)")
  private List<Path> packFiles = new ArrayList<>();

  @Option(names = "--call", paramLabel = "FUNCTION[:ARG,...]", converter = AlgorithmCall.Converter.class,
      description = "a call to make, in order, e.g. Init:0x08000000,0,1 EraseSector:0x08004000"
          + " ProgramPage:0x08004000[,LENGTH]. Missing arguments get defaults.")
  private List<AlgorithmCall> calls = List.of();

  @Option(names = "--data", paramLabel = "FILE",
      description = "data for ProgramPage (default: each word holds its own address)")
  private Path data;

  @Option(names = "--permissive",
      description = "unmapped memory reads as 0 and ignores writes instead of faulting")
  private boolean permissive;

  @Option(names = "--ram", paramLabel = "START:SIZE", converter = RamConverter.class,
      description = "the RAM the algorithm is placed in (default: the device's, else "
          + DEFAULT_RAM + ")")
  private RamWindow ram;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "flash-controller model: STM32G4, NRF52, SFC or none (default: from the device,"
          + " else from the algorithm's FlashDevice name)")
  private String model;

  @Option(names = "--core", paramLabel = "CORE", converter = CoreConverter.class,
      description = "the core, e.g. Cortex-M0 or Cortex-M4 (default: the device's, else Cortex-M4)")
  private Core core;

  @Option(names = "--max-instructions", paramLabel = "N", defaultValue = "50000000",
      description = "instructions one call may run before it counts as hung"
          + " (default: ${DEFAULT-VALUE})")
  private long maxInstructions;

  @Option(names = "--json", description = "print the report as JSON")
  private boolean json;

  EmulateCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    FlashAlgorithm algorithm = AlgoFiles.load(services, flm);
    EmulationReport report = AlgorithmEmulation.run(request(algorithm));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, report);
    } else {
      EmulationText.render(report, out);
    }
    out.flush();
    boolean allGood = report.calls().stream().allMatch(EmulationReport.Call::succeeded);
    return allGood ? ExitCode.OK.code() : ExitCode.TARGET.code();
  }

  private AlgorithmEmulation.Request request(FlashAlgorithm algorithm) throws Exception {
    if (maxInstructions < 1) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--max-instructions': " + maxInstructions + " is not a positive count");
    }
    Optional<EmulatedDevice> emulated = Optional.empty();
    if (device != null) {
      Device found = DeviceLookup.of(services, parent.packRoot(), packFiles,
          spec.commandLine().getErr()).show(device).device();
      emulated = Optional.of(EmulatedDevice.of(found, algorithm));
    }
    RamWindow window = ram != null ? checked(ram, algorithm)
        : emulated.map(EmulatedDevice::placement).orElse(ramWindow(DEFAULT_RAM));
    List<RamRegion> rams = emulated.map(EmulatedDevice::rams)
        .orElse(List.of(new RamRegion(window.start(), window.size())));
    Optional<FlashModel> chosen = model != null ? model(model)
        : emulated.isPresent() ? emulated.get().model()
        : FlashModel.forDevice(algorithm.device().name());
    Core chosenCore = core != null ? core : emulated.map(EmulatedDevice::core).orElse(Core.CORTEX_M4);
    return new AlgorithmEmulation.Request(algorithm, emulated.map(EmulatedDevice::name),
        chosen, chosenCore, rams, window, permissive,
        calls.isEmpty() ? AlgorithmEmulation.defaultCalls(algorithm) : calls,
        data == null ? Optional.empty()
            : Optional.of(Files.readAllBytes(services.workingDir().resolve(data))),
        maxInstructions, Duration.ofSeconds(60));
  }

  private Optional<FlashModel> model(String name) {
    if (name.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    for (FlashModel m : FlashModel.values()) {
      if (m.name().equalsIgnoreCase(name)) {
        return Optional.of(m);
      }
    }
    throw new ParameterException(spec.commandLine(), "Invalid value for option '--model': unknown flash model '"
        + name + "'; expected STM32G4, NRF52, SFC or none");
  }

  /** {@code --ram} as given, unless it overlaps the algorithm's flash or the Cortex-M system space. */
  private RamWindow checked(RamWindow window, FlashAlgorithm algorithm) {
    long flashStart = algorithm.device().start();
    long flashEnd = flashStart + algorithm.device().size();
    if (window.start() < flashEnd && flashStart < window.end()) {
      throw new ParameterException(spec.commandLine(), String.format(
          "Invalid value for option '--ram': %s overlaps the algorithm's flash at 0x%08X..0x%08X",
          window, flashStart, flashEnd));
    }
    if (window.end() > SYSTEM_SPACE) {
      throw new ParameterException(spec.commandLine(), String.format(
          "Invalid value for option '--ram': %s reaches the Cortex-M system space at 0x%08X", window, SYSTEM_SPACE));
    }
    return window;
  }

  static RamWindow ramWindow(String text) {
    String[] parts = text.split(":");
    if (parts.length != 2) {
      throw new TypeConversionException("expected START:SIZE, e.g. " + DEFAULT_RAM + ", not '" + text + "'");
    }
    long start = AlgorithmCall.number(parts[0]);
    long size = AlgorithmCall.number(parts[1]);
    try {
      return new RamWindow(start, size);
    } catch (IllegalArgumentException e) { // RamWindow's own checks: not empty, within 32 bits
      throw new TypeConversionException("bad RAM window '" + text + "': " + e.getMessage());
    }
  }

  /** Reads {@code --ram}. */
  static final class RamConverter implements ITypeConverter<RamWindow> {
    @Override
    public RamWindow convert(String value) {
      return ramWindow(value);
    }
  }

  /** Reads {@code --core}. */
  static final class CoreConverter implements ITypeConverter<Core> {
    @Override
    public Core convert(String value) {
      return Core.fromPdsc(value).orElseThrow(() -> new TypeConversionException(
          "unknown core '" + value + "'; try Cortex-M0, Cortex-M3, Cortex-M4 or Cortex-M33"));
    }
  }

  static String hex(long value) {
    return String.format(Locale.ROOT, "0x%08X", value);
  }
}
