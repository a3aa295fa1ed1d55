package dev.packs.cli;

import dev.packs.cache.CacheException;
import dev.packs.cache.PackBundle;
import dev.packs.cache.PackCache;
import dev.packs.cache.PackRoot;
import dev.packs.project.ProjectBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packs bundle export|import}: what a project's packs.lock needs, in one zip, for a lab with no network. */
@Command(
    name = "bundle",
    mixinStandardHelpOptions = true,
    description = "Carry what packs.lock needs (locked packs, local .flm overrides) into a lab with no network.",
    synopsisSubcommandLabel = "COMMAND")
final class BundleCommand implements Runnable {
  @Spec private CommandSpec spec;

  static CommandLine create(Services services) {
    CommandLine bundle = new CommandLine(new BundleCommand());
    bundle.addSubcommand(new Export(services));
    bundle.addSubcommand(new Import(services));
    return bundle;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing bundle command");
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = {
      "Write OUT.zip: exactly the pack versions packs.lock names (from the pack root's .Download) and every",
      "local flm: override, with a manifest of sha256s. Each file is checked against the lock first."})
  static final class Export implements Callable<Integer> {
    private final Services services;
    @Spec private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "OUT.zip") private Path out;
    @Option(names = "--json", description = "Print JSON instead of text.") private boolean json;

    Export(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() throws CacheException {
      PackRoot root = ProjectContext.packRoot(services, ((PacksCommand) spec.root().userObject()).packRoot());
      ProjectBundle.Exported done = new ProjectBundle(root, ProjectContext.config(services), services.clock())
          .export(services.workingDir().resolve(out).normalize());
      PrintWriter o = spec.commandLine().getOut();
      if (json) {
        CacheViews.print(o, LabViews.Exported.of(done));
      } else {
        done.manifest().packs().forEach(e -> o.println("pack " + e.key() + "  " + e.sha256()));
        done.manifest().files().forEach(e -> o.println("file " + e.key() + "  " + e.sha256()));
        o.flush();
      }
      long bytes = done.manifest().packs().stream().mapToLong(PackBundle.Entry::size).sum()
          + done.manifest().files().stream().mapToLong(PackBundle.Entry::size).sum();
      spec.commandLine().getErr().printf("packs: wrote %s: %d pack(s), %d local file(s), %.1f MB%n", done.bundle(),
          done.manifest().packs().size(), done.manifest().files().size(), bytes / 1e6);
      return ExitCode.OK.code();
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true, description = {
      "Check FILE.zip against its manifest and this project's packs.lock, then install its packs into the",
      "pack root offline and put the override files where packs.yaml expects them. Nothing is installed",
      "unless every sha256 matches. Ends with the check 'packs resolve --locked' makes."})
  static final class Import implements Callable<Integer> {
    private final Services services;
    @Spec private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE.zip") private Path file;
    @Option(names = "--force", description = "Replace override files that exist with other content.") private boolean force;
    @Option(names = "--json", description = "Print JSON instead of text.") private boolean json;

    Import(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() throws CacheException {
      PrintWriter err = spec.commandLine().getErr();
      CliListener listener = new CliListener(err, services.terminal());
      CacheOptions options = new CacheOptions((PacksCommand) spec.root().userObject());
      ProjectBundle.Imported done;
      try (PackCache cache = PackCache.open(options.config(services), listener)) {
        done = new ProjectBundle(cache.config().root(), ProjectContext.config(services), services.clock())
            .importFrom(services.workingDir().resolve(file).normalize(), cache, force);
      } finally {
        listener.endBar();
      }
      PrintWriter o = spec.commandLine().getOut();
      if (json) {
        CacheViews.print(o, LabViews.Imported.of(done));
      } else {
        done.installed().forEach(a -> o.println(LabViews.verb(a) + " " + a.pack().id() + " in " + a.pack().path()));
        done.files().forEach(p -> o.println((p.changed() ? "wrote " : "unchanged ") + p.path()));
        o.flush();
      }
      err.println("packs: imported " + done.bundle() + "; packs.lock matches the project (no network needed)");
      return ExitCode.OK.code();
    }
  }
}
