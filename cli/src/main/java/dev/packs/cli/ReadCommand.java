package dev.packs.cli;

import dev.packs.cache.AtomicFiles;
import dev.packs.flash.FlashTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packs read ADDR LENGTH -o FILE}: target memory into a file. */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {"Read LENGTH bytes of target memory from ADDR into FILE.",
        "Exit code 5 when the target cannot read there, 3 when no probe is attached."})
final class ReadCommand implements Callable<Integer> {
  private final Services services;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ADDR", description = "e.g. 0x08000000") private String address;

  @Parameters(index = "1", paramLabel = "LENGTH", description = "bytes, e.g. 0x20000") private String length;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "where to write")
  private Path output;

  @Option(names = "--target", paramLabel = "TARGET", description = "default: the only target in packs.yaml")
  private String target;

  @Option(names = "--probe", paramLabel = "PROBE",
      description = "emulator[:FILE] (an emulated device; its flash persists in FILE), cmsis-dap[:SERIAL],"
          + " stlink[:SERIAL], virtual-dap[:FILE], virtual-stlink[:FILE]; default: the only attached probe")
  private String probe;

  ReadCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    long from = Addresses.parse(spec, "ADDR", address);
    int bytes = FlashContext.length(spec, length);
    ProbeSpec probeSpec = ProbeSpec.parse(Optional.ofNullable(probe), services.workingDir());
    FlashTarget flashTarget = FlashContext.service(services, spec)
        .resolve(FlashContext.target(services, spec, target));
    byte[] data;
    String label;
    PrintWriter err = spec.commandLine().getErr();
    try (Connection connection = Probes.connect(probeSpec, DeviceSpec.of(flashTarget), err)) {
      data = connection.target().read(from, bytes);
      label = connection.label();
    }
    Path file = services.workingDir().resolve(output);
    AtomicFiles.writeBytes(file, data);
    err.printf(Locale.ROOT, "packs: read %d bytes at %s from %s (%s) on %s into %s%n", data.length,
        Addresses.hex(from), flashTarget.resolved().target(), flashTarget.resolved().device(), label, output);
    err.flush();
    return ExitCode.OK.code();
  }
}
