package dev.packs.cli;

import dev.packs.project.ProjectEditor;
import dev.packs.project.TargetConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packs algo use|override|reset}: a target's algorithm choice in packs.yaml. */
final class AlgoConfigCommands {
  private AlgoConfigCommands() {}

  /** Adds the three commands to the {@code algo} group. */
  static void addTo(CommandLine algo, Services services) {
    algo.addSubcommand(new Use(services));
    algo.addSubcommand(new OverrideFlm(services));
    algo.addSubcommand(new Reset(services));
  }

  private static void report(PrintWriter err, String what, ProjectEditor.Edit edit) {
    err.printf("packs: %s: %s in %s%n", edit.target().name(), what, edit.file());
  }

  @Command(name = "use", mixinStandardHelpOptions = true, description = {
      "Chooses one of the pack's algorithms for a target, by name (file name, with or without .FLM).",
      "Example: packs algo use stm32g431kbtx STM32G4xx_128"})
  static final class Use implements Callable<Integer> {
    private final Services services;
    @Spec private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "TARGET") private String target;
    @Parameters(index = "1", paramLabel = "NAME") private String name;

    Use(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() {
      if (name.isBlank()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "the algorithm NAME is empty");
      }
      ProjectEditor.Edit edit = ProjectContext.editor(services, spec).useAlgorithm(target, name);
      report(spec.commandLine().getErr(), "algorithm " + name, edit);
      return ExitCode.OK.code();
    }
  }

  @Command(name = "override", mixinStandardHelpOptions = true, description = {
      "Flashes a target's boot flash region, or the region at --region, with a local .flm file.",
      "Example: packs algo override stm32g431kbtx algos/STM32G4xx_128_fixed.flm"})
  static final class OverrideFlm implements Callable<Integer> {
    private final Services services;
    @Spec private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "TARGET") private String target;
    @Parameters(index = "1", paramLabel = "FILE.flm") private Path file;

    @Option(names = "--region", paramLabel = "ADDR", description = "start address of the flash region, e.g. 0x08040000")
    private String region;

    OverrideFlm(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() {
      Optional<Long> start = Optional.ofNullable(region).map(r -> Addresses.parse(spec, "--region", r));
      ProjectEditor.Edit edit = ProjectContext.editor(services, spec).override(target, file, start);
      String flm = start.map(s -> edit.target().regionFlm().get(s)).orElse(edit.target().defaultFlm().orElse(""));
      report(spec.commandLine().getErr(), "flash " + start.map(Addresses::hex).orElse("boot region") + " with " + flm, edit);
      return ExitCode.OK.code();
    }
  }

  @Command(name = "reset", mixinStandardHelpOptions = true, description = {
      "Forgets a target's algorithm choice and local overrides; its pack pin and RAM window stay.",
      "Example: packs algo reset stm32g431kbtx"})
  static final class Reset implements Callable<Integer> {
    private final Services services;
    @Spec private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "TARGET") private String target;

    Reset(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() {
      ProjectEditor.Edit edit = ProjectContext.editor(services, spec).reset(target);
      TargetConfig t = edit.target();
      report(spec.commandLine().getErr(), "algorithm choice reset to the pack's"
          + t.pack().map(p -> " (pinned " + p + ")").orElse(""), edit);
      return ExitCode.OK.code();
    }
  }
}
