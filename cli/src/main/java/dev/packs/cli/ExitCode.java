package dev.packs.cli;

/**
 * The process exit codes of {@code packs}. Scripts may rely on these numbers; they are documented in
 * the README and never renumbered.
 */
public enum ExitCode {
  /** The command did what was asked. */
  OK(0),
  /** The command ran but the work failed, for example a download or a verification. */
  FAILURE(1),
  /** The command line was wrong: unknown option, missing argument, malformed pack ID. */
  USAGE(2),
  /** A named thing does not exist: a device, a pack, a file, a version. */
  NOT_FOUND(3),
  /** Offline mode was on and the work needed the network. */
  OFFLINE(4),
  /** The target (probe, emulator or flash algorithm on it) failed. */
  TARGET(5),
  /** A bug in packs itself. */
  INTERNAL(70);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
