package dev.packs.flm;

/**
 * The root of every failure in the flm-loader module. Each subclass carries the facts of its failure
 * (file, address, sizes) and a message a user can act on.
 */
public abstract sealed class FlmException extends RuntimeException
    permits FlmFormatException, PlacementException {
  protected FlmException(String message) {
    super(message);
  }

  protected FlmException(String message, Throwable cause) {
    super(message, cause);
  }
}
