package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.RegisterFile;
import java.util.List;
import java.util.Map;

/**
 * The small blocks flash algorithms touch on the way to the flash controller: watchdogs they
 * refresh, clock controllers they switch on, ID and flash-size registers they read.
 */
final class Blocks {
  private Blocks() {}

  /** The STM32 independent watchdog (also GD32 FWDGT): KR, PR, RLR, SR (never busy), WINR. */
  static RegisterFile iwdg(int base) {
    return RegisterFile.builder("IWDG", base, 0x400)
        .register(0x00, "KR", 0, 0)
        .register(0x04, "PR", 0, 0x7)
        .register(0x08, "RLR", 0xFFF, 0xFFF)
        .constant(0x0C, "SR", 0)
        .register(0x10, "WINR", 0xFFF, 0xFFF)
        .build();
  }

  /** The STM32 window watchdog: CR, CFR, SR. */
  static RegisterFile wwdg(int base) {
    return RegisterFile.builder("WWDG", base, 0x400)
        .register(0x00, "CR", 0x7F, 0xFF)
        .register(0x04, "CFR", 0x7F, 0x3FFF)
        .register(0x08, "SR", 0, 1)
        .build();
  }

  /** DBGMCU with the device's IDCODE and freeze registers any value sticks in. */
  static RegisterFile dbgmcu(int base, int idcode) {
    return RegisterFile.builder("DBGMCU", base, 0x400)
        .constant(0x00, "IDCODE", idcode)
        .register(0x04, "CR", 0, -1)
        .register(0x08, "APB1FZR1", 0, -1)
        .register(0x0C, "APB1FZR2", 0, -1)
        .register(0x10, "APB2FZR", 0, -1)
        .build();
  }

  /** A block of read-only identification words (flash size, package, unique ID). */
  static RegisterFile info(String name, int base, int size, Map<Integer, String> names,
      Map<Integer, Integer> values) {
    RegisterFile.Builder b = RegisterFile.builder(name, base, size);
    names.forEach((offset, n) -> b.constant(offset, n, values.getOrDefault(offset, 0)));
    return b.build();
  }

  /**
   * The RCC of the STM32F0/F1/F3 (and the GD32 RCU, MM32 RCC) at 0x40021000: CR with HSI, HSE and
   * PLL ready bits that follow their enables, CFGR whose SWS follows SW.
   */
  static ClockControl rccF1(int base) {
    return new ClockControl("RCC", base, 0x400,
        Map.of(0x00, "CR", 0x04, "CFGR", 0x08, "CIR", 0x0C, "APB2RSTR", 0x10, "APB1RSTR",
            0x14, "AHBENR", 0x18, "APB2ENR", 0x1C, "APB1ENR", 0x20, "BDCR", 0x24, "CSR"),
        Map.of(0x00, 0x83, 0x14, 0x14),
        List.of(new ClockControl.Ready(0x00, 1, 1 << 1), new ClockControl.Ready(0x00, 1 << 16,
            1 << 17), new ClockControl.Ready(0x00, 1 << 24, 1 << 25),
            new ClockControl.Ready(0x24, 1, 1 << 1)),
        List.of(new ClockControl.Switch(0x04, 0, 2, 2)), Map.of());
  }

  /** The RCC of the STM32F2/F4/F7 at 0x40023800: CR ready bits, CFGR SWS, the PLLs. */
  static ClockControl rccF4(int base) {
    return new ClockControl("RCC", base, 0x400,
        Map.ofEntries(Map.entry(0x00, "CR"), Map.entry(0x04, "PLLCFGR"), Map.entry(0x08, "CFGR"),
            Map.entry(0x0C, "CIR"), Map.entry(0x30, "AHB1ENR"), Map.entry(0x34, "AHB2ENR"),
            Map.entry(0x38, "AHB3ENR"), Map.entry(0x40, "APB1ENR"), Map.entry(0x44, "APB2ENR"),
            Map.entry(0x70, "BDCR"), Map.entry(0x74, "CSR"), Map.entry(0x88, "PLLSAICFGR"),
            Map.entry(0x8C, "DCKCFGR1"), Map.entry(0x90, "DCKCFGR2")),
        Map.of(0x00, 0x83, 0x04, 0x2400_3010, 0x30, 0x0010_0000),
        List.of(new ClockControl.Ready(0x00, 1, 1 << 1), new ClockControl.Ready(0x00, 1 << 16,
            1 << 17), new ClockControl.Ready(0x00, 1 << 24, 1 << 25),
            new ClockControl.Ready(0x00, 1 << 26, 1 << 27),
            new ClockControl.Ready(0x00, 1 << 28, 1 << 29),
            new ClockControl.Ready(0x74, 1, 1 << 1), new ClockControl.Ready(0x70, 1, 1 << 1)),
        List.of(new ClockControl.Switch(0x08, 0, 2, 2)), Map.of());
  }

  /**
   * The RCC of the STM32L4/L5/G4/WB family at 0x40021000 (0x58000000 on the WB): CR with MSI,
   * HSI and HSE ready bits, CFGR SWS.
   */
  static ClockControl rccL4(int base) {
    return new ClockControl("RCC", base, 0x400,
        Map.ofEntries(Map.entry(0x00, "CR"), Map.entry(0x04, "ICSCR"), Map.entry(0x08, "CFGR"),
            Map.entry(0x0C, "PLLCFGR"), Map.entry(0x48, "AHB1ENR"), Map.entry(0x4C, "AHB2ENR"),
            Map.entry(0x50, "AHB3ENR"), Map.entry(0x58, "APB1ENR1"), Map.entry(0x5C, "APB1ENR2"),
            Map.entry(0x60, "APB2ENR"), Map.entry(0x88, "CCIPR"), Map.entry(0x90, "BDCR"),
            Map.entry(0x94, "CSR")),
        Map.of(0x00, 0x0000_0563, 0x08, 0, 0x0C, 0x0000_1000, 0x48, 0x0000_0100),
        List.of(new ClockControl.Ready(0x00, 1, 1 << 1), new ClockControl.Ready(0x00, 1 << 8,
            1 << 10), new ClockControl.Ready(0x00, 1 << 16, 1 << 17),
            new ClockControl.Ready(0x00, 1 << 24, 1 << 25),
            new ClockControl.Ready(0x94, 1, 1 << 1)),
        List.of(new ClockControl.Switch(0x08, 0, 2, 2)), Map.of());
  }

  /** The STM32G0/C0 RCC at 0x40021000: CR ready bits, CFGR with three-bit SW and SWS. */
  static ClockControl rccG0(int base) {
    return new ClockControl("RCC", base, 0x400,
        Map.ofEntries(Map.entry(0x00, "CR"), Map.entry(0x04, "ICSCR"), Map.entry(0x08, "CFGR"),
            Map.entry(0x0C, "PLLCFGR"), Map.entry(0x34, "IOPENR"), Map.entry(0x38, "AHBENR"),
            Map.entry(0x3C, "APBENR1"), Map.entry(0x40, "APBENR2"), Map.entry(0x5C, "BDCR"),
            Map.entry(0x60, "CSR")),
        Map.of(0x00, 0x0000_0500, 0x0C, 0x0000_1000, 0x38, 0x0000_0100),
        List.of(new ClockControl.Ready(0x00, 1 << 8, 1 << 10), new ClockControl.Ready(0x00,
            1 << 16, 1 << 17), new ClockControl.Ready(0x00, 1 << 24, 1 << 25),
            new ClockControl.Ready(0x60, 1, 1 << 1)),
        List.of(new ClockControl.Switch(0x08, 0, 3, 3)), Map.of());
  }

  /** The STM32U5 RCC at 0x46020C00: CR ready bits (MSIS, HSI16, HSE, PLL1..3), CFGR1 SWS. */
  static ClockControl rccU5(int base) {
    return new ClockControl("RCC", base, 0x400,
        Map.ofEntries(Map.entry(0x00, "CR"), Map.entry(0x08, "ICSCR1"), Map.entry(0x1C, "CFGR1"),
            Map.entry(0x20, "CFGR2"), Map.entry(0x28, "PLL1CFGR"), Map.entry(0x88, "AHB1ENR"),
            Map.entry(0x8C, "AHB2ENR1"), Map.entry(0x90, "AHB2ENR2"), Map.entry(0x94, "AHB3ENR"),
            Map.entry(0x9C, "APB1ENR1"), Map.entry(0xA4, "APB2ENR"), Map.entry(0xA8, "APB3ENR")),
        Map.of(0x00, 0x0000_0035),
        List.of(new ClockControl.Ready(0x00, 1, 1 << 2), new ClockControl.Ready(0x00, 1 << 8,
            1 << 10), new ClockControl.Ready(0x00, 1 << 16, 1 << 17),
            new ClockControl.Ready(0x00, 1 << 24, 1 << 25),
            new ClockControl.Ready(0x00, 1 << 26, 1 << 27),
            new ClockControl.Ready(0x00, 1 << 28, 1 << 29)),
        List.of(new ClockControl.Switch(0x1C, 0, 2, 2)), Map.of());
  }

  /** One GPIO port of the STM32 kind (MODER..AFRH); every register keeps what is written. */
  static RegisterFile gpio(String port, int base) {
    return RegisterFile.builder("GPIO" + port, base, 0x400)
        .register(0x00, "MODER", 0, -1)
        .register(0x04, "OTYPER", 0, 0xFFFF)
        .register(0x08, "OSPEEDR", 0, -1)
        .register(0x0C, "PUPDR", 0, -1)
        .constant(0x10, "IDR", 0)
        .register(0x14, "ODR", 0, 0xFFFF)
        .register(0x18, "BSRR", 0, 0)
        .register(0x1C, "LCKR", 0, 0x1FFFF)
        .register(0x20, "AFRL", 0, -1)
        .register(0x24, "AFRH", 0, -1)
        .register(0x28, "BRR", 0, 0)
        .build();
  }

  /** GPIO ports A, B, C... from {@code base}, 0x400 apart. */
  static List<RegisterFile> gpios(int base, int count) {
    List<RegisterFile> ports = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      ports.add(gpio(String.valueOf((char) ('A' + i)), base + 0x400 * i));
    }
    return ports;
  }

  /** FMC_BCR1 as the STM32 FMC and FSMC reset it: bank 1 enabled (MBKEN), NOR, 16 bits. */
  static final int FMC_BCR1_RESET = 0x0000_30DB;

  /**
   * The STM32 flexible memory controller's registers (FMC at 0xA0000000 on the F7/H7/L4, FSMC on
   * the F1/F4): the NOR/SRAM bank control and timing registers, NAND and SDRAM ones.
   */
  static RegisterFile fmc(int base) {
    RegisterFile.Builder b = RegisterFile.builder("FMC", base, 0x1000);
    for (int bank = 0; bank < 4; bank++) {
      b.register(8 * bank, "BCR" + (bank + 1), bank == 0 ? FMC_BCR1_RESET : 0x0000_30D2, -1);
      b.register(8 * bank + 4, "BTR" + (bank + 1), 0x0FFF_FFFF, -1);
      b.register(0x104 + 8 * bank, "BWTR" + (bank + 1), 0x0FFF_FFFF, -1);
    }
    return b.register(0x80, "PCR", 0x18, -1)
        .register(0x84, "SR", 0x40, 0x7)
        .register(0x88, "PMEM", 0xFCFC_FCFC, -1)
        .register(0x8C, "PATT", 0xFCFC_FCFC, -1)
        .constant(0x94, "ECCR", 0)
        .register(0x140, "SDCR1", 0x2D0, -1)
        .register(0x144, "SDCR2", 0x2D0, -1)
        .register(0x148, "SDTR1", 0x0FFF_FFFF, -1)
        .register(0x14C, "SDTR2", 0x0FFF_FFFF, -1)
        .register(0x150, "SDCMR", 0, -1)
        .register(0x154, "SDRTR", 0, -1)
        .constant(0x158, "SDSR", 0)
        .build();
  }
}
