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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

  @Option(names = "--call", paramLabel = "FUNCTION[:ARG,...]",
      description = "a call to make, in order, e.g. Init:0x08000000,0,1 EraseSector:0x08004000"
          + " ProgramPage:0x08004000[,LENGTH]. Missing arguments get defaults.")
  private List<String> calls = List.of();

  @Option(names = "--data", paramLabel = "FILE",
      description = "data for ProgramPage (default: each word holds its own address)")
  private Path data;

  @Option(names = "--permissive",
      description = "unmapped memory reads as 0 and ignores writes instead of faulting")
  private boolean permissive;

  @Option(names = "--ram", paramLabel = "START:SIZE",
      description = "the RAM the algorithm is placed in (default: the device's, else "
          + DEFAULT_RAM + ")")
  private String ram;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "flash-controller model: STM32G4, NRF52, SFC or none (default: from the device,"
          + " else from the algorithm's FlashDevice name)")
  private String model;

  @Option(names = "--core", paramLabel = "CORE",
      description = "the core, e.g. Cortex-M0 or Cortex-M4 (default: the device's, else Cortex-M4)")
  private String core;

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
    Optional<EmulatedDevice> emulated = Optional.empty();
    if (device != null) {
      Device found = DeviceLookup.of(services, parent.packRoot(), packFiles,
          spec.commandLine().getErr()).show(device).device();
      emulated = Optional.of(EmulatedDevice.of(found, algorithm));
    }
    RamWindow window = ram != null ? ramWindow(ram)
        : emulated.map(EmulatedDevice::placement).orElse(ramWindow(DEFAULT_RAM));
    List<RamRegion> rams = emulated.map(EmulatedDevice::rams)
        .orElse(List.of(new RamRegion(window.start(), window.size())));
    Optional<FlashModel> chosen = model != null ? model(model)
        : emulated.isPresent() ? emulated.get().model()
        : FlashModel.forDevice(algorithm.device().name());
    Core chosenCore = core != null
        ? Core.fromPdsc(core).orElseThrow(() -> new IllegalArgumentException("unknown core '"
            + core + "'; try Cortex-M0, Cortex-M3, Cortex-M4 or Cortex-M33"))
        : emulated.map(EmulatedDevice::core).orElse(Core.CORTEX_M4);
    return new AlgorithmEmulation.Request(algorithm, emulated.map(EmulatedDevice::name),
        chosen, chosenCore, rams, window, permissive,
        calls.isEmpty() ? AlgorithmEmulation.defaultCalls(algorithm)
            : calls.stream().map(AlgorithmCall::parse).toList(),
        data == null ? Optional.empty()
            : Optional.of(Files.readAllBytes(services.workingDir().resolve(data))),
        maxInstructions, Duration.ofSeconds(60));
  }

  private static Optional<FlashModel> model(String name) {
    if (name.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    for (FlashModel m : FlashModel.values()) {
      if (m.name().equalsIgnoreCase(name)) {
        return Optional.of(m);
      }
    }
    throw new IllegalArgumentException("unknown flash model '" + name
        + "'; expected STM32G4, NRF52, SFC or none");
  }

  static RamWindow ramWindow(String text) {
    String[] parts = text.split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException("--ram wants START:SIZE, e.g. " + DEFAULT_RAM
          + ", not '" + text + "'");
    }
    return new RamWindow(AlgorithmCall.number(parts[0]), AlgorithmCall.number(parts[1]));
  }

  static String hex(long value) {
    return String.format(Locale.ROOT, "0x%08X", value);
  }
}
