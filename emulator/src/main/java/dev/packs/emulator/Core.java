package dev.packs.emulator;

import dev.packs.emulator.internal.cpu.Architecture;
import java.util.Locale;
import java.util.Optional;

/** The Cortex-M cores the emulator can be, by the instruction set each one runs. */
public enum Core {
  CORTEX_M0(Architecture.ARMV6M, "Cortex-M0", 0x410C_C200),
  CORTEX_M0PLUS(Architecture.ARMV6M, "Cortex-M0+", 0x410C_C601),
  CORTEX_M1(Architecture.ARMV6M, "Cortex-M1", 0x410C_C210),
  CORTEX_M3(Architecture.ARMV7M, "Cortex-M3", 0x412F_C230),
  CORTEX_M4(Architecture.ARMV7EM, "Cortex-M4", 0x410F_C241),
  CORTEX_M7(Architecture.ARMV7EM, "Cortex-M7", 0x411F_C270),
  CORTEX_M23(Architecture.ARMV8M_BASELINE, "Cortex-M23", 0x411C_D200),
  CORTEX_M33(Architecture.ARMV8M_MAINLINE, "Cortex-M33", 0x411F_D210),
  CORTEX_M55(Architecture.ARMV8M_MAINLINE, "Cortex-M55", 0x410F_D220);

  private final Architecture architecture;
  private final String pdscName;
  private final int cpuid;

  Core(Architecture architecture, String pdscName, int cpuid) {
    this.architecture = architecture;
    this.pdscName = pdscName;
    this.cpuid = cpuid;
  }

  /** The value of SCB CPUID (0xE000ED00) on this core. */
  public int cpuid() {
    return cpuid;
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
