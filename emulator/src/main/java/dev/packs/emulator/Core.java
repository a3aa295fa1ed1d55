package dev.packs.emulator;

import dev.packs.emulator.internal.cpu.Architecture;
import java.util.Locale;
import java.util.Optional;

/** The Cortex-M cores the emulator can be, by the instruction set each one runs. */
public enum Core {
  CORTEX_M0(Architecture.ARMV6M, "Cortex-M0"),
  CORTEX_M0PLUS(Architecture.ARMV6M, "Cortex-M0+"),
  CORTEX_M1(Architecture.ARMV6M, "Cortex-M1"),
  CORTEX_M3(Architecture.ARMV7M, "Cortex-M3"),
  CORTEX_M4(Architecture.ARMV7EM, "Cortex-M4"),
  CORTEX_M7(Architecture.ARMV7EM, "Cortex-M7"),
  CORTEX_M23(Architecture.ARMV8M_BASELINE, "Cortex-M23"),
  CORTEX_M33(Architecture.ARMV8M_MAINLINE, "Cortex-M33"),
  CORTEX_M55(Architecture.ARMV8M_MAINLINE, "Cortex-M55");

  private final Architecture architecture;
  private final String pdscName;

  Core(Architecture architecture, String pdscName) {
    this.architecture = architecture;
    this.pdscName = pdscName;
  }

  Architecture architecture() {
    return architecture;
  }

  /** The name a pack descriptor's {@code Dcore} uses, for example {@code Cortex-M4}. */
  public String pdscName() {
    return pdscName;
  }

  /** The core a pack descriptor's {@code Dcore} names. */
  public static Optional<Core> fromPdsc(String dcore) {
    String wanted = dcore.strip().toLowerCase(Locale.ROOT);
    for (Core core : values()) {
      if (core.pdscName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(core);
      }
    }
    return Optional.empty();
  }
}
