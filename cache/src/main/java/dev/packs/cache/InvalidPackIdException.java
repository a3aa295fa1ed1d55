package dev.packs.cache;

import dev.packs.index.IndexException;
import java.util.Objects;

/**
 * A pack was asked for by an ID that follows none of the accepted forms ({@code Vendor::Name@1.2.3},
 * {@code Vendor.Name.1.2.3}, {@code Name}, ...). Names the text and says what is wrong with it.
 */
public final class InvalidPackIdException extends CacheException {
  private final String text;

  public InvalidPackIdException(IndexException.BadPackId cause) {
    super(cause.getMessage(), cause);
    this.text = Objects.requireNonNull(cause.text(), "text");
  }

  /** The ID as it was given. */
  public String text() {
    return text;
  }
}
