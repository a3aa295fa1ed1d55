package dev.packs.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The flash-controller models the emulator has, and the device families each one serves. A model
 * is one controller class under {@code dev.packs.emulator.internal.flash} plus one constant here;
 * it brings the blocks its algorithms touch (clock, watchdogs, ID and flash-size registers).
 */
public enum FlashModel {
  /** STM32G4 FLASH at 0x40022000, with FLASHSIZE, DBGMCU and the watchdogs it reads. */
  STM32G4(0x4002_2000L, "STM32G4"),
  /** STM32F0/F1/F3 FPEC at 0x40022000 (KEYR/CR/AR/SR, half-word programs, option bytes). */
  STM32F1(0x4002_2000L, "STM32F0", "STM32F1", "STM32F3", "HK32F", "APM32F0", "APM32F1",
      "AT32F403", "AT32F413", "AT32F415", "CKS32F1"),
  /** GigaDevice GD32 FMC at 0x40022000: the F1 controller with word programs and a second bank. */
  GD32(0x4002_2000L, "GD32F1", "GD32F2", "GD32F3", "GD32E1", "GD32E2", "GD32E5"),
  /** MindMotion MM32 FLASH at 0x40022000: the F1 controller. */
  MM32(0x4002_2000L, "MM32"),
  /** STM32F2/F4/F7 sector-erase FLASH at 0x40023C00, with OTP and OPTCR option bytes. */
  STM32F4(0x4002_3C00L, "STM32F2", "STM32F4", "STM32F7"),
  /** STM32H7 FLASH at 0x52002000: a register set per bank, 128 KiB sectors, 256-bit flash words. */
  STM32H7(0x5200_2000L, "STM32H7"),
  /** STM32L5 FLASH at 0x40022000 with its non-secure and secure register sets. */
  STM32L5(0x4002_2000L, "STM32L5"),
  /** STM32U5 FLASH at 0x40022000: the L5 design with 8 KiB pages and quad-word programs. */
  STM32U5(0x4002_2000L, "STM32U5"),
  /** STM32L4/L4+ FLASH at 0x40022000: page erase (two banks on L47x/L49x/L4+), option bytes at 0x1FFF7800. */
  STM32L4(0x4002_2000L, "STM32L4"),
  /** STM32G0/C0 FLASH at 0x40022000: page erase (BKER on G0B/G0C), option bytes at 0x1FFF7800. */
  STM32G0(0x4002_2000L, "STM32G0", "STM32C0"),
  /** STM32WL FLASH at 0x58004000: the WB design with 2 KiB pages and option bytes at 0x1FFF7800. */
  STM32WL(0x5800_4000L, "STM32WL"),
  /** STM32WB FLASH at 0x58004000: page erase, double-word programs, option bytes at 0x1FFF8000. */
  STM32WB(0x5800_4000L, "STM32WB1", "STM32WB3", "STM32WB5"),
  /** HDSC HC32F120/M120 EFM at 0x40000800. */
  HC32_EFM(0x4000_0800L, "HC32F12", "HC32M12"),
  /** HDSC HC32F0xx/F1xx/L1xx FLASH at 0x40020000 (BYPASS-protected registers, CR.OP modes). */
  HC32(0x4002_0000L, "HC32F0", "HC32F1", "HC32L1", "FLASHHC32"),
  /** Nordic nRF51/nRF52 NVMC at 0x4001E000 (ERASEPAGE), with the FICR it reads. */
  NRF52(0x4001_E000L, "nRF52", "nRF51"),
  /** Nordic nRF53/nRF91 NVMC at 0x50039000: pages erased by writing 0xFFFFFFFF; FICR at 0x00FF0000. */
  NRF91(0x5003_9000L, "nRF91", "nRF53"),
  /** NXP Kinetis FTFA/FTFL/FTFE at 0x40020000: FCCOB commands launched by FSTAT.CCIF. */
  KINETIS(0x4002_0000L, "MK", "MKL", "MKE", "MKV", "MKW"),
  /** Microchip SAM D/L/C NVMCTRL at 0x41004000 (SAMD21 style): page buffer, ER/WP commands. */
  SAM_NVMCTRL(0x4100_4000L, "ATSAMD1", "ATSAMD2", "ATSAML1", "ATSAML2", "ATSAMC2", "SAMD1",
      "SAMD2", "SAML2", "SAMC2"),
  /** Silicon Labs EFM32/EFR32 MSC (Series 1 at 0x400E0000, Series 2 at 0x40030000). */
  EFM32(0x400E_0000L, "EFM32", "EFR32", "EZR32", "BGM", "MGM"),
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
