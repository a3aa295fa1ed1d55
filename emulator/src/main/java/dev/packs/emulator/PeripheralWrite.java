package dev.packs.emulator;

import java.util.Objects;
import java.util.Optional;

/** One write by the emulated CPU to a peripheral register, named when the model knows it. */
public record PeripheralWrite(long address, int size, long value, Optional<String> register) {
  public PeripheralWrite {
    Objects.requireNonNull(register, "register");
    Regions.check(address, size);
  }

  @Override
  public String toString() {
    return String.format("0x%08X <- 0x%08X%s", address, value, register.map(r -> " " + r).orElse(""));
  }
}
