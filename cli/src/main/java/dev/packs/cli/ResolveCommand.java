package dev.packs.cli;

import dev.packs.project.LockFile;
import dev.packs.project.TargetResolver;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code packs resolve [--locked]}: writes or checks packs.lock. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Writes packs.lock: per target in packs.yaml, the exact pack and each algorithm's sha256.",
      "With --locked, writes nothing and fails (exit 1), naming each difference, when the",
      "installed packs or override files no longer match the lock file."
    })
final class ResolveCommand implements Callable<Integer> {
  private final Services services;
  @Spec private CommandSpec spec;

  @Option(names = "--locked", description = "check packs.lock instead of writing it")
  private boolean locked;

  ResolveCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    TargetResolver resolver = ProjectContext.resolver(services, spec);
    LockFile lock = locked ? resolver.checkLock() : resolver.writeLock();
    PrintWriter out = spec.commandLine().getOut();
    for (Map.Entry<String, LockFile.Target> e : lock.targets().entrySet()) {
      out.printf("%s  %s  %s%n", e.getKey(), e.getValue().device(), e.getValue().pack());
      for (LockFile.Algorithm a : e.getValue().algorithms()) {
        out.printf("  %s  %s  %s  sha256:%s%n", Addresses.hex(a.region()),
            a.origin().name().toLowerCase(java.util.Locale.ROOT), a.file(), a.sha256());
      }
    }
    out.flush();
    spec.commandLine().getErr().printf("packs: %s %s%n", resolver.lockFile(), locked ? "matches" : "written");
    return ExitCode.OK.code();
  }
}
