package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PacksCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    Services services = new Services(Map.of(), Path.of("."), Clock.systemUTC(), false);
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services)
        .execute(args);
  }

  @Test
  void helpListsExitCodesOnStdout() {
    assertThat(run("--help")).isEqualTo(ExitCode.OK.code());
    assertThat(out.toString()).contains("Usage: packs").contains("NOT_FOUND");
  }

  @Test
  void everySubcommandAnswersHelp() {
    // A new user's first try on any command; several cache commands once rejected --help as unknown.
    Services services = new Services(Map.of(), Path.of("."), Clock.systemUTC(), false);
    CommandLine root = PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services);
    List<String[]> paths = new ArrayList<>();
    for (CommandLine sub : root.getSubcommands().values()) {
      paths.add(new String[] {sub.getCommandName(), "--help"});
      for (CommandLine leaf : sub.getSubcommands().values()) {
        paths.add(new String[] {sub.getCommandName(), leaf.getCommandName(), "--help"});
      }
    }
    assertThat(paths).hasSizeGreaterThan(10);
    for (String[] args : paths) {
      assertThat(run(args)).as(String.join(" ", args)).isEqualTo(ExitCode.OK.code());
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageErrorOnStderr() {
    assertThat(run("--no-such-option")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void missingCommandIsAUsageError() {
    assertThat(run()).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("Missing command");
  }

  // The process entry point builds only the command it runs; every registered name must be the
  // command's own @Command name, or that command would be unreachable from a cold start.
  @Test
  void eachRegisteredNameBuildsExactlyThatCommand() {
    Services services = new Services(Map.of(), Path.of("."), Clock.systemUTC(), false);
    PrintWriter w = new PrintWriter(out, true);
    for (String name : Subcommands.names()) {
      assertThat(PacksCommand.create(w, w, services, new String[] {name, "--help"}).getSubcommands())
          .containsOnlyKeys(name);
    }
  }

  @Test
  void withoutACommandWordTheWholeTreeIsBuilt() {
    Services services = new Services(Map.of(), Path.of("."), Clock.systemUTC(), false);
    PrintWriter w = new PrintWriter(out, true);
    assertThat(PacksCommand.create(w, w, services, new String[] {"--help"}).getSubcommands().keySet())
        .containsExactlyElementsOf(Subcommands.names());
    assertThat(PacksCommand.create(w, w, services, new String[] {"instal"}).getSubcommands().keySet())
        .containsExactlyElementsOf(Subcommands.names());
  }

  @Test
  void commandWordSkipsGlobalOptionsAndTheirValues() {
    assertThat(PacksCommand.commandWord(new String[] {"--pack-root", "show", "find", "x"})).hasValue("find");
    assertThat(PacksCommand.commandWord(new String[] {"--offline", "--pack-root=/r", "install"}))
        .hasValue("install");
    assertThat(PacksCommand.commandWord(new String[] {"--index-url", "file:/m/", "-V"})).isEmpty();
  }

  @Test
  void aCommandRunsTheSameFromTheLazyTree() {
    Services services = new Services(Map.of(), Path.of("."), Clock.systemUTC(), false);
    String[] args = {"show", "--pack", System.getProperty("packs.shared") + "/data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc",
        "STM32G431KBTx", "--json"};
    int code = PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services, args)
        .execute(args);
    assertThat(code).isEqualTo(ExitCode.OK.code());
    assertThat(out.toString()).contains("\"name\" : \"STM32G431KBTx\"");
  }
}
