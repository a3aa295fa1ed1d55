package dev.packs.target;

/** An operation needs the core in another state, for example halted while it is running. */
public final class TargetStateException extends TargetException {
  private static final long serialVersionUID = 1L;

  public TargetStateException(String message) {
    super(message, null);
  }
}
