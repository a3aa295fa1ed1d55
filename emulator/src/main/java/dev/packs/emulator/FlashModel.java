package dev.packs.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The flash-controller models the emulator has, and the device families each one serves. A model
 * is one class under {@code dev.packs.emulator.internal.flash} plus one constant here.
 */
public enum FlashModel {
  /** STM32G4 FLASH at 0x40022000, with FLASHSIZE, DBGMCU and the watchdogs it reads. */
  STM32G4(0x4002_2000L, "STM32G4"),
  /** Nordic nRF52 NVMC at 0x4001E000, with the FICR it reads. */
  NRF52(0x4001_E000L, "nRF52"),
  /** The PACKS simple flash controller our own test algorithms drive (test-algorithms/SFC.md). */
  SFC(0x4002_2000L, "PACKS", "SFC");

  private final long base;
  private final List<String> families;

  FlashModel(long base, String... families) {
    this.base = base;
    this.families = List.of(families);
  }

  /** The address of the controller's register block. */
  public long base() {
    return base;
  }

  /** The device-name prefixes this model serves, for example {@code STM32G4}. */
  public List<String> families() {
    return families;
  }

  /**
   * The model for a device, family or FlashDevice name: the first model one of whose families the
   * name starts with (ignoring case), after stripping a vendor prefix such as {@code Keil.}.
   */
  public static Optional<FlashModel> forDevice(String name) {
    String upper = name.strip().toUpperCase(Locale.ROOT);
    for (FlashModel model : values()) {
      for (String family : model.families) {
        if (upper.startsWith(family.toUpperCase(Locale.ROOT))) {
          return Optional.of(model);
        }
      }
    }
    return Optional.empty();
  }
}
