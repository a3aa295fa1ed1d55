package dev.packs.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the commands need from the outside world: the environment, the working folder, a clock, and
 * whether standard error is a terminal. Tests build their own and run the real CLI in-process.
 */
public final class Services {
  private final Map<String, String> env;
  private final Path workingDir;
  private final Clock clock;
  private final boolean terminal;

  public Services(Map<String, String> env, Path workingDir, Clock clock, boolean terminal) {
    this.env = Map.copyOf(env);
    this.workingDir = workingDir.toAbsolutePath().normalize();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.terminal = terminal;
  }

  /** The services of the running process. */
  public static Services system() {
    return new Services(
        System.getenv(), Path.of(""), Clock.systemUTC(), System.console() != null);
  }

  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
  }

  public Map<String, String> environment() {
    return env;
  }

  public Path workingDir() {
    return workingDir;
  }

  public Clock clock() {
    return clock;
  }

  /** True when progress bars may be drawn. */
  public boolean terminal() {
    return terminal;
  }
}
