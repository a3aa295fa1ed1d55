package dev.packs.cli;

import dev.packs.cache.CacheException;
import dev.packs.cache.MirrorException;
import dev.packs.cache.MirrorRequest;
import dev.packs.cache.MirrorResult;
import dev.packs.cache.PackMirror;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packs mirror DIR [PACK...] [--all]}: a folder any web server, or {@code file:}, can serve as a pack server. */
@Command(
    name = "mirror",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the index (--index-url), descriptors and .pack files of the named packs and their requirements",
      "(or --all) into DIR, with SHA256SUMS. DIR works as --index-url file:///.../DIR/index.pidx, through",
      "'packs serve DIR', or as static files on any web server. Rerun it to fetch what changed."
    })
final class MirrorCommand implements Callable<Integer> {
  private final Services services;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The mirror folder (created if absent).")
  private Path dir;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "PACK",
      description = "Vendor::Name[@version|@range], Vendor.Name[.version] or Name; none refreshes DIR.")
  private List<String> packs = new ArrayList<>();

  @Option(names = "--all", description = "Every pack the index lists, newest version of each.")
  private boolean all;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Write this absolute URL into index.pidx instead of relative ./ (for tools that cannot resolve relative URLs).")
  private URI baseUrl;

  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  MirrorCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws CacheException {
    Path folder = services.workingDir().resolve(dir).normalize();
    if (packs.isEmpty() && !all && !PackMirror.isMirror(folder)) {
      throw new ParameterException(spec.commandLine(), "name the packs to mirror, or give --all: " + folder + " is not a mirror yet");
    }
    if (baseUrl != null && !baseUrl.isAbsolute()) {
      throw new ParameterException(spec.commandLine(), "--base-url must be an absolute URL: " + baseUrl);
    }
    PrintWriter err = spec.commandLine().getErr();
    CliListener listener = new CliListener(err, services.terminal());
    CacheOptions options = new CacheOptions((PacksCommand) spec.root().userObject());
    MirrorRequest request = new MirrorRequest(packs, all, Optional.ofNullable(baseUrl));
    try (PackMirror mirror = PackMirror.open(options.config(services), listener)) {
      try {
        MirrorResult result = mirror.mirror(folder, request);
        listener.endBar();
        render(result);
        return ExitCode.OK.code();
      } catch (MirrorException e) {
        listener.endBar();
        render(e.result());
        e.result().failures().forEach(f -> err.println("packs: failed " + f.item() + " (" + f.url() + "): " + f.reason()));
        err.println("packs: " + e.getMessage());
        return ExitCodes.of(e).code();
      }
    } finally {
      listener.endBar();
      spec.commandLine().getOut().flush();
    }
  }

  private void render(MirrorResult r) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      CacheViews.print(out, LabViews.Mirror.of(r));
      return;
    }
    r.packs().forEach(p -> out.println(p.id() + "  " + p.sha256()));
    out.printf("%d pack(s) in %s: %d files fetched, %d not modified, %d unchanged; %d requests, %.1f MB in %.1f s%n",
        r.packs().size(), r.dir(), r.fetched(), r.notModified(), r.unchanged(), r.requests(), r.bytes() / 1e6,
        r.elapsed().toMillis() / 1e3);
    out.println("index " + r.indexUrl());
  }
}
