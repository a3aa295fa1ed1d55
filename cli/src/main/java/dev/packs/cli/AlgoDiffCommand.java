package dev.packs.cli;

import dev.packs.flm.FlashAlgorithm;
import dev.packs.index.Device;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packs algo diff A.flm B.flm --device D}: what two algorithms do differently. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Run the same operations with two flash algorithms on the emulated device (Init, EraseSector on the"
          + " first, second, middle and last sector, UnInit; Init, ProgramPage on each, UnInit) and show, call"
          + " by call, where their results, peripheral register writes or changed flash differ.",
      "Exit code 0 when they behave the same, 1 when they differ."
    })
final class AlgoDiffCommand implements Callable<Integer> {
  private final Services services;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A.flm") private String first;

  @Parameters(index = "1", paramLabel = "B.flm") private String second;

  @Option(names = "--device", paramLabel = "DEVICE", required = true,
      description = "the device whose RAM and flash model both run with; the flash layout is A's")
  private String device;

  @Option(names = "--pack", paramLabel = "PDSC_OR_PACK", description = "also look for --device in this file")
  private List<Path> packFiles = new ArrayList<>();

  @Option(names = "--json", description = "print the result as JSON") private boolean json;

  AlgoDiffCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    FlashAlgorithm a = AlgoFiles.load(services, first);
    FlashAlgorithm b = AlgoFiles.load(services, second);
    Optional<Path> root = ((PacksCommand) spec.root().userObject()).packRoot();
    Device found = DeviceLookup.of(services, root, packFiles, spec.commandLine().getErr()).show(device).device();
    EmulatedDevice emulated = EmulatedDevice.of(found, a);
    DeviceSpec deviceSpec = DeviceSpec.of(emulated, a);
    List<AlgoDiffReport.Call> calls = AlgorithmDiff.run(deviceSpec, emulated.placement(), a, b);
    boolean same = calls.stream().allMatch(AlgoDiffReport.Call::same);
    AlgoDiffReport report = new AlgoDiffReport(new AlgoDiffReport.Algorithm(first, a.sha256()),
        new AlgoDiffReport.Algorithm(second, b.sha256()), deviceSpec.name(),
        deviceSpec.model().map(Enum::name).orElse(null), same, calls);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, report);
    } else {
      report.print(out);
    }
    out.flush();
    return same ? ExitCode.OK.code() : ExitCode.FAILURE.code();
  }
}
