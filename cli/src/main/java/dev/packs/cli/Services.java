package dev.packs.cli;

import java.io.IOException;
import java.nio.file.Files;
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
    return new Services(System.getenv(), Path.of(""), Clock.systemUTC(), stderrIsTerminal());
  }

  /**
   * Whether standard error is a terminal. On Linux, where file descriptor 2 leads; elsewhere
   * {@code System.console()}, which answers for stdin and stdout, the best the JDK offers.
   */
  private static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (System.getProperty("os.name", "").startsWith("Linux") && Files.isSymbolicLink(fd)) {
      try {
        return isTerminalDevice(Files.readSymbolicLink(fd));
      } catch (IOException e) {
        return false;
      }
    }
    return System.console() != null;
  }

  /** True for the path a descriptor link resolves to when it is a terminal: /dev/pts/N or /dev/tty*. */
  static boolean isTerminalDevice(Path resolved) {
    return resolved.startsWith("/dev/pts/")
        || resolved.getNameCount() == 2 && resolved.startsWith("/dev/") && resolved.getFileName().toString().startsWith("tty");
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
