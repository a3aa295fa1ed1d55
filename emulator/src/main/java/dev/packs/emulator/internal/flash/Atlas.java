package dev.packs.emulator.internal.flash;

import java.util.HashMap;
import java.util.Map;

/**
 * Names of the peripherals each family has and the emulator does not model, by 1 KiB block, so a
 * fault or hang there names what the algorithm wanted (its clock tree, a QSPI controller...).
 */
final class Atlas {
  private Atlas() {}

  private static Map<Integer, String> gpio(Map<Integer, String> map, int base, int ports) {
    for (int i = 0; i < ports; i++) {
      map.put(base + 0x400 * i, "GPIO" + (char) ('A' + i));
    }
    return map;
  }

  static Map<Integer, String> stm32f1() {
    Map<Integer, String> m = gpio(new HashMap<>(), 0x4001_0800, 7);
    m.putAll(Map.of(0x4000_7000, "PWR", 0x4001_0000, "AFIO/SYSCFG", 0x4001_0400, "EXTI",
        0x4001_3000, "SPI1", 0x4001_3800, "USART1", 0x4002_0000, "DMA1", 0x4002_3000, "CRC",
        0xA000_0000, "FSMC"));
    gpio(m, 0x4800_0000, 6);
    return m;
  }

  static Map<Integer, String> stm32f4() {
    return new HashMap<>(Map.of(0x4000_7000, "PWR", 0x4001_3800, "SYSCFG", 0x4001_3C00, "EXTI",
        0x4002_6000, "DMA1", 0x4002_6400, "DMA2", 0x4002_3000, "CRC", 0xA000_1000, "QUADSPI",
        0x4001_1000, "USART1", 0x4001_3000, "SPI1", 0x5006_0800, "RNG"));
  }

  static Map<Integer, String> stm32l5() {
    Map<Integer, String> m = gpio(new HashMap<>(), 0x4202_0000, 8);
    m.putAll(Map.of(0x4000_7000, "PWR", 0x4003_0400, "ICACHE", 0x4402_1000, "OCTOSPI1",
        0x4003_2400, "GTZC", 0x4001_0000, "SYSCFG", 0x4002_F400, "EXTI", 0x4002_0000, "DMA1"));
    return m;
  }

  static Map<Integer, String> stm32u5() {
    Map<Integer, String> m = gpio(new HashMap<>(), 0x4202_0000, 10);
    m.putAll(Map.of(0x4602_0800, "PWR", 0x420D_1400, "OCTOSPI1", 0x420D_2400, "OCTOSPI2",
        0x420C_4000, "OCTOSPIM", 0x4003_0400, "ICACHE", 0x4003_1400, "DCACHE1",
        0x4003_2400, "GTZC1", 0x4600_0400, "SYSCFG", 0x4002_0000, "GPDMA1",
        0x4602_2000, "EXTI"));
    return m;
  }

  static Map<Integer, String> stm32wb() {
    Map<Integer, String> m = gpio(new HashMap<>(), 0x4800_0000, 8);
    m.putAll(Map.of(0x5800_0400, "PWR", 0x5800_1400, "HSEM", 0x5800_0C00, "IPCC",
        0x5800_0800, "EXTI", 0x4001_0000, "SYSCFG", 0xA000_1000, "QUADSPI"));
    return m;
  }

  static Map<Integer, String> stm32g4() {
    Map<Integer, String> m = gpio(new HashMap<>(), 0x4800_0000, 7);
    m.putAll(Map.of(0x4001_0000, "SYSCFG", 0x4002_0000, "DMA1", 0x4002_3000, "CRC",
        0xA000_1000, "QUADSPI"));
    return m;
  }

  static Map<Integer, String> hc32() {
    return new HashMap<>(Map.of(0x4002_0C00, "GPIO", 0x4000_0F80, "WDT", 0x4000_0000, "UART0",
        0x4000_2400, "RAM control", 0x4002_0400, "DMAC"));
  }
}
