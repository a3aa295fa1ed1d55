package dev.packs.cli;

import dev.packs.flash.AlgorithmTester;
import dev.packs.flash.FlashListener;
import dev.packs.flash.FlashRegion;
import dev.packs.flash.FlashTarget;
import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.PlacedAlgorithm;
import dev.packs.index.Device;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packs algo test}: runs a flash algorithm sector by sector and checks what each call really did. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Test a target's flash algorithms (TARGET, on --probe) or one algorithm file (FILE.flm --device D, on"
          + " the emulated device): fill the flash with a pattern; for every sector refill what earlier steps"
          + " erased, EraseSector, check that exactly that sector became erased, ProgramPage it and read it"
          + " back, Verify; then EraseChip and BlankCheck where present, and UnInit. It overwrites the flash.",
      "Exit code 0 when the algorithm passed, 5 when it misbehaved."
    })
final class AlgoTestCommand implements Callable<Integer> {
  private final Services services;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET|FILE.flm") private String what;

  @Option(names = "--device", paramLabel = "DEVICE",
      description = "with FILE.flm: the device whose RAM and flash model it runs with")
  private String device;

  @Option(names = "--pack", paramLabel = "PDSC_OR_PACK", description = "also look for --device in this file")
  private List<Path> packFiles = new ArrayList<>();

  @Option(names = "--probe", paramLabel = "PROBE",
      description = "emulator[:FILE] (the default for FILE.flm), cmsis-dap[:SERIAL], stlink[:SERIAL],"
          + " virtual-dap[:FILE], virtual-stlink[:FILE]; default for TARGET: the only attached probe")
  private String probe;

  @Option(names = "--json", description = "print the result as JSON") private boolean json;

  AlgoTestCommand(Services services) {
    this.services = services;
  }

  /** One region to test: the algorithm placed in its RAM, and the region's sectors. */
  private record Job(String label, AlgoTestReport.Algorithm algorithm, PlacedAlgorithm placed, FlashRegion region) {}

  @Override
  public Integer call() throws Exception {
    boolean file = device != null || what.toLowerCase(Locale.ROOT).endsWith(".flm");
    List<Job> jobs = new ArrayList<>();
    DeviceSpec deviceSpec = file ? forFile(jobs) : forTarget(jobs);
    ProbeSpec probeSpec = ProbeSpec.parse(Optional.ofNullable(probe).or(() -> file ? Optional.of("emulator")
        : Optional.empty()), services.workingDir());
    List<AlgoTestReport.Tested> tested = new ArrayList<>();
    long started = System.nanoTime();
    String label;
    try (Connection connection = Probes.connect(probeSpec, deviceSpec, spec.commandLine().getErr())) {
      label = connection.label();
      for (Job job : jobs) {
        tested.add(new AlgoTestReport.Tested(job.label(), job.algorithm(), AlgorithmTester.test(
            connection.target(), job.placed(), job.region(), connection.limits(), FlashListener.NONE)));
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    AlgoTestReport report = AlgoTestReport.of(deviceSpec.name(), label, tested, seconds);
    if (json) {
      Json.print(out, report);
    } else {
      AlgoTestReport.print(out, deviceSpec.name(), label, tested, seconds);
    }
    out.flush();
    return report.passed() ? ExitCode.OK.code() : ExitCode.TARGET.code();
  }

  private DeviceSpec forFile(List<Job> jobs) throws Exception {
    if (device == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "testing " + what + " needs --device DEVICE: the device whose RAM and flash controller it runs on");
    }
    FlashAlgorithm algorithm = AlgoFiles.load(services, what);
    Optional<Path> root = ((PacksCommand) spec.root().userObject()).packRoot();
    Device found = DeviceLookup.of(services, root, packFiles, spec.commandLine().getErr()).show(device).device();
    EmulatedDevice emulated = EmulatedDevice.of(found, algorithm);
    var flash = algorithm.device();
    jobs.add(new Job(what, new AlgoTestReport.Algorithm(what, algorithm.sha256()),
        AlgorithmPlacer.place(algorithm, emulated.placement()),
        FlashTarget.region("flash", flash.start(), flash.size(), algorithm)));
    return DeviceSpec.of(emulated, algorithm);
  }

  private DeviceSpec forTarget(List<Job> jobs) throws Exception {
    FlashTarget target = FlashContext.service(services, spec).resolve(what);
    for (FlashTarget.RegionAlgorithm r : target.programmable()) {
      jobs.add(new Job(r.choice().file(), new AlgoTestReport.Algorithm(r.choice().path().toString(),
          r.algorithm().sha256()), AlgorithmPlacer.place(r.algorithm(), r.ram()), r.region()));
    }
    if (jobs.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "target " + what + " ("
          + target.resolved().device() + ") has no flash region with an algorithm to test");
    }
    return DeviceSpec.of(target);
  }
}
