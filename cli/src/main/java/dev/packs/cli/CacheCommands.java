package dev.packs.cli;

import dev.packs.cache.CacheException;
import dev.packs.cache.IndexUpdate;
import dev.packs.cache.IndexUpdateException;
import dev.packs.cache.InstallAction;
import dev.packs.cache.InstallOptions;
import dev.packs.cache.InstalledPack;
import dev.packs.cache.PackCache;
import dev.packs.cache.PackCheck;
import dev.packs.cache.PackUpdate;
import dev.packs.cache.PublicPack;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The pack-cache commands: each validates, calls one {@link PackCache} method, and renders. */
final class CacheCommands {
  private CacheCommands() {}

  /** What every cache command shares: options, output streams and opening the cache. */
  abstract static class Base implements Callable<Integer> {
    final Services services;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    Base(Services services) {
      this.services = services;
    }

    PrintWriter out() {
      return spec.root().commandLine().getOut();
    }

    PrintWriter err() {
      return spec.root().commandLine().getErr();
    }

    @Override
    public final Integer call() throws Exception {
      CliListener listener = new CliListener(err(), services.terminal());
      CacheOptions options = new CacheOptions((PacksCommand) spec.root().userObject());
      try (PackCache cache = PackCache.open(options.config(services), listener)) {
        return run(cache);
      } finally {
        listener.endBar();
        out().flush();
      }
    }

    abstract int run(PackCache cache) throws CacheException;
  }

  @Command(name = "update-index", mixinStandardHelpOptions = true,
      description = "Download the pack index, then the descriptors that are new or changed.")
  static final class UpdateIndex extends Base {
    UpdateIndex(Services s) {
      super(s);
    }

    @Override
    int run(PackCache cache) throws CacheException {
      try {
        render(cache.updateIndex());
        return ExitCode.OK.code();
      } catch (IndexUpdateException e) {
        render(e.result());
        for (IndexUpdate.Failure f : e.failures()) {
          err().println("packs: failed " + f.url() + ": " + f.reason());
        }
        err().println("packs: " + e.getMessage());
        return ExitCodes.of(e).code();
      }
    }

    private void render(IndexUpdate u) {
      if (json) {
        CacheViews.print(out(), CacheViews.Update.of(u));
        return;
      }
      out().printf(
          "index %s; %d descriptors listed: %d fetched, %d not modified, %d unchanged, %d failed; %d requests, %.1f MB in %.1f s%n",
          u.indexChanged() ? "updated" : "unchanged", u.listed(), u.fetched(), u.notModified(), u.skipped(), u.failures().size(),
          u.requests(), u.bytes() / 1e6, u.elapsed().toMillis() / 1e3);
    }
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = {
      "Install packs: Vendor::Name[@1.2.3|@^1.2.3|@~1.2.3|@>=1.2.3|@latest], Vendor.Name[.1.2.3], Name,",
      "a .pack/.zip file, an http(s) or file: URL of a .pack, or a .pdsc to register locally."})
  static final class Install extends Base {
    @Parameters(arity = "1..*", paramLabel = "PACK")
    List<String> packs;

    @Option(names = "--no-deps", description = "Do not install the packs named in <requirements>.")
    boolean noDeps;

    @Option(names = {"-F", "--force"}, description = "Extract again even when the version is installed.")
    boolean force;

    Install(Services s) {
      super(s);
    }

    @Override
    int run(PackCache cache) throws CacheException {
      InstallOptions opts = new InstallOptions(noDeps ? InstallOptions.Dependencies.SKIP : InstallOptions.Dependencies.INSTALL, force);
      renderActions(this, cache.install(packs, opts, services.workingDir()));
      return ExitCode.OK.code();
    }
  }

  static void renderActions(Base cmd, List<InstallAction> actions) {
    if (cmd.json) {
      CacheViews.print(cmd.out(), actions.stream().map(CacheViews.Action::of).toList());
      return;
    }
    for (InstallAction a : actions) {
      String verb = switch (a.kind()) {
        case INSTALLED -> "installed";
        case ALREADY_INSTALLED -> "already installed";
        case REGISTERED_LOCAL -> "registered";
      };
      cmd.out().println(verb + " " + a.pack().id() + " in " + a.pack().path());
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List installed packs, or available updates, or the public index.")
  static final class ListPacks extends Base {
    @Option(names = {"-u", "--updates"}, description = "Only installed packs with a newer version in the index.")
    boolean updates;

    @Option(names = {"-p", "--public"}, description = "The packs the local index lists (deprecated ones hidden).")
    boolean publicIndex;

    ListPacks(Services s) {
      super(s);
    }

    @Override
    int run(PackCache cache) throws CacheException {
      if (updates) {
        List<PackUpdate> found = cache.updates();
        if (json) {
          CacheViews.print(out(), found.stream().map(CacheViews.Available::of).toList());
        } else {
          found.forEach(u -> out().println(u.installed().id() + " -> " + u.latest()));
        }
      } else if (publicIndex) {
        List<PublicPack> found = cache.publicPacks().stream().filter(p -> !p.deprecated()).toList();
        if (json) {
          CacheViews.print(out(), found.stream().map(CacheViews.Public::of).toList());
        } else {
          found.forEach(p -> out().println(p.id()));
        }
      } else {
        List<InstalledPack> found = cache.list();
        if (json) {
          CacheViews.print(out(), found.stream().map(CacheViews.Pack::of).toList());
        } else {
          found.forEach(p -> out().println(p.id() + " (" + p.path() + ")"));
        }
      }
      return ExitCode.OK.code();
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true,
      description = "Remove an installed pack (all its versions unless one is given).")
  static final class Remove extends Base {
    @Parameters(index = "0", paramLabel = "PACK_ID")
    String packId;

    @Option(names = {"-p", "--purge"}, description = "Also delete the archive in .Download and the .Web descriptor.")
    boolean purge;

    Remove(Services s) {
      super(s);
    }

    @Override
    int run(PackCache cache) throws CacheException {
      List<InstalledPack> removed = cache.remove(packId, purge);
      if (json) {
        CacheViews.print(out(), removed.stream().map(CacheViews.Pack::of).toList());
      } else {
        removed.forEach(p -> out().println("removed " + p.id()));
      }
      return ExitCode.OK.code();
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Install the newest version of one installed pack, or of all of them.")
  static final class Update extends Base {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PACK_ID")
    String packId;

    @Option(names = "--no-deps", description = "Do not install the packs named in <requirements>.")
    boolean noDeps;

    Update(Services s) {
      super(s);
    }

    @Override
    int run(PackCache cache) throws CacheException {
      InstallOptions opts = new InstallOptions(noDeps ? InstallOptions.Dependencies.SKIP : InstallOptions.Dependencies.INSTALL, false);
      renderActions(this, cache.update(Optional.ofNullable(packId), opts, services.workingDir()));
      return ExitCode.OK.code();
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Recompute the SHA-256 of every installed file against the install record.")
  static final class Verify extends Base {
    Verify(Services s) {
      super(s);
    }

    @Override
    int run(PackCache cache) throws CacheException {
      List<PackCheck> checks = cache.verify();
      if (json) {
        CacheViews.print(out(), checks.stream().map(CacheViews.Check::of).toList());
      } else {
        for (PackCheck c : checks) {
          out().println(c.status().name().toLowerCase().replace('_', '-') + " " + c.pack().id());
          c.problems().forEach(p -> out().println("  " + p));
        }
      }
      boolean bad = checks.stream().anyMatch(c -> c.status() == PackCheck.Status.MODIFIED);
      return bad ? ExitCode.FAILURE.code() : ExitCode.OK.code();
    }
  }

  @Command(name = "cache-dir", mixinStandardHelpOptions = true,
      description = "Print the pack root.")
  static final class CacheDir extends Base {
    CacheDir(Services s) {
      super(s);
    }

    @Override
    public int run(PackCache cache) {
      if (json) {
        CacheViews.print(out(), new CacheViews.Root(cache.config().root().path().toString()));
      } else {
        out().println(cache.config().root().path());
      }
      return ExitCode.OK.code();
    }
  }
}
