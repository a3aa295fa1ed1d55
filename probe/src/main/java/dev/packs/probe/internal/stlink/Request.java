package dev.packs.probe.internal.stlink;

import java.util.Objects;

/**
 * One ST-Link command as it goes over USB: the 16-byte command block, an optional data OUT phase
 * and the number of bytes the probe answers on the IN endpoint (0 for none). {@code name} is the
 * command's name in ST's protocol, for errors.
 */
record Request(String name, byte[] block, byte[] data, int answerLength) {
  static final int BLOCK = 16;

  Request {
    Objects.requireNonNull(name, "name");
    if (block.length != BLOCK) {
      throw new IllegalArgumentException(name + ": command block of " + block.length + " bytes");
    }
    Objects.requireNonNull(data, "data");
    if (answerLength < 0) {
      throw new IllegalArgumentException(name + ": negative answer length");
    }
  }
}
