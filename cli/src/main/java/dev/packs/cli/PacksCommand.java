package dev.packs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code packs} command. Subcommands are registered in {@link #create}. */
@Command(
    name = "packs",
    mixinStandardHelpOptions = true,
    versionProvider = PacksCommand.Version.class,
    description = "CMSIS-Pack manager with a flash-algorithm cache and a built-in flash engine.",
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:OK",
      "1:FAILURE   the work failed (download, verification, ...)",
      "2:USAGE     the command line was wrong",
      "3:NOT_FOUND a named device, pack, file or version does not exist",
      "4:OFFLINE   offline mode was on and the network was needed",
      "5:TARGET    the target or its flash algorithm failed",
      "70:INTERNAL a bug in packs"
    })
public final class PacksCommand implements Runnable {
  @Spec private CommandSpec spec;

  private Path packRoot;

  private PacksCommand() {}

  @Option(
      names = "--pack-root",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description =
          "The pack root (CMSIS_PACK_ROOT). Default: $CMSIS_PACK_ROOT, else"
              + " $XDG_CACHE_HOME/arm/packs or ~/.cache/arm/packs.")
  void packRoot(Path dir) {
    this.packRoot = dir;
  }

  /** The {@code --pack-root} option, wherever on the command line it was given. */
  Optional<Path> packRoot() {
    return Optional.ofNullable(packRoot);
  }

  private java.net.URI indexUrl;
  private boolean offline;

  @Option(
      names = "--index-url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = "The pack index or a mirror's (http(s): or file:). Default: https://www.keil.com/pack/index.pidx.")
  void indexUrl(java.net.URI url) {
    this.indexUrl = url;
  }

  /** The {@code --index-url} option, wherever on the command line it was given. */
  Optional<java.net.URI> indexUrl() {
    return Optional.ofNullable(indexUrl);
  }

  @Option(
      names = "--offline",
      scope = ScopeType.INHERIT,
      description = "Never open a socket (also PACKS_OFFLINE=1, or offline=true in the config).")
  void offline(boolean value) {
    this.offline = value;
  }

  /** True when {@code --offline} was given anywhere on the command line. */
  boolean offline() {
    return offline;
  }

  /**
   * Builds the whole command tree, writing data to {@code out} and messages to {@code err}.
   *
   * @return a ready command line; call {@code execute(args)} for the exit code
   */
  public static CommandLine create(PrintWriter out, PrintWriter err, Services services) {
    return assemble(out, err, services, Subcommands.all(services));
  }

  /**
   * Builds only what {@code args} will run: when they name a command, the tree holds that command
   * alone, so a cold process loads none of the others; otherwise (help, a typo) the whole tree.
   */
  public static CommandLine create(PrintWriter out, PrintWriter err, Services services, String[] args) {
    return commandWord(args)
        .flatMap(name -> Subcommands.named(name, services))
        .map(command -> assemble(out, err, services, List.of(command)))
        .orElseGet(() -> create(out, err, services));
  }

  /** The first argument that is not a global option or an option's value. */
  static Optional<String> commandWord(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--pack-root") || arg.equals("--index-url")) {
        i++;
      } else if (!arg.startsWith("-")) {
        return Optional.of(arg);
      }
    }
    return Optional.empty();
  }

  private static CommandLine assemble(PrintWriter out, PrintWriter err, Services services, List<Object> subcommands) {
    CommandLine line = new CommandLine(new PacksCommand());
    for (Object subcommand : subcommands) {
      line.addSubcommand(subcommand);
    }
    // After the subcommands: picocli applies these settings only to the commands present now.
    line.setOut(out);
    line.setErr(err);
    Failures failures = new Failures(err, services);
    line.setExecutionExceptionHandler(failures);
    line.setParameterExceptionHandler(failures);
    return line;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = PacksCommand.class.getPackage().getImplementationVersion();
      return new String[] {"packs " + (v == null ? "dev" : v)};
    }
  }
}
