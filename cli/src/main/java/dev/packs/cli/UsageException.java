package dev.packs.cli;

/**
 * The arguments parsed, but ask for something the files or devices they name cannot give: a call of
 * a function the flash algorithm lacks, a device with no RAM to emulate. Thrown on purpose where that
 * is found, it exits with {@link ExitCode#USAGE}; an argument that does not parse is picocli's
 * {@code ParameterException} instead.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
