package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.Peripheral;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Just enough of the STM32G4 reset and clock control (RCC at 0x40021000) for algorithms that set up
 * their clock before touching flash: each oscillator or PLL reports ready as soon as it is switched
 * on (CR), the system clock switch status follows the switch (CFGR), and every other register keeps
 * what is written. Without it such an algorithm polls HSIRDY or SWS for ever.
 */
final class Stm32Rcc implements Peripheral {
  static final int BASE = 0x4002_1000;
  private static final int CR = 0x00;
  private static final int CFGR = 0x08;
  private static final int HSION = 1 << 8;
  private static final int HSIRDY = 1 << 10;
  private static final int HSEON = 1 << 16;
  private static final int HSERDY = 1 << 17;
  private static final int PLLON = 1 << 24;
  private static final int PLLRDY = 1 << 25;
  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(0x00, "CR"), Map.entry(0x04, "ICSCR"), Map.entry(0x08, "CFGR"),
      Map.entry(0x0C, "PLLCFGR"), Map.entry(0x48, "AHB1ENR"), Map.entry(0x4C, "AHB2ENR"),
      Map.entry(0x58, "APB1ENR1"), Map.entry(0x60, "APB2ENR"), Map.entry(0x88, "CCIPR"),
      Map.entry(0x90, "BDCR"), Map.entry(0x94, "CSR"));

  private final Map<Integer, Integer> registers = new HashMap<>();

  Stm32Rcc() {
    reset();
  }

  @Override
  public String name() {
    return "RCC";
  }

  @Override
  public int base() {
    return BASE;
  }

  @Override
  public int size() {
    return 0x400;
  }

  @Override
  public int read(int offset, int size) {
    int word = value(offset & ~3);
    int shifted = word >>> (8 * (offset & 3));
    return size == 4 ? shifted : shifted & ((1 << (8 * size)) - 1);
  }

  private int value(int offset) {
    int raw = registers.getOrDefault(offset, 0);
    if (offset == CR) {
      int ready = ((raw & HSION) != 0 ? HSIRDY : 0) | ((raw & HSEON) != 0 ? HSERDY : 0)
          | ((raw & PLLON) != 0 ? PLLRDY : 0);
      return (raw & ~(HSIRDY | HSERDY | PLLRDY)) | ready;
    }
    if (offset == CFGR) {
      return (raw & ~0xC) | ((raw & 3) << 2);
    }
    return raw;
  }

  @Override
  public void write(int offset, int size, int value) {
    int aligned = offset & ~3;
    int shift = 8 * (offset & 3);
    int lanes = (size == 4 ? -1 : (1 << (8 * size)) - 1) << shift;
    int old = registers.getOrDefault(aligned, 0);
    registers.put(aligned, (old & ~lanes) | ((value << shift) & lanes));
  }

  @Override
  public Optional<String> registerName(int offset) {
    return Optional.ofNullable(NAMES.get(offset & ~3)).map(n -> "RCC_" + n);
  }

  @Override
  public void reset() {
    registers.clear();
    registers.put(CR, HSION);
    registers.put(CFGR, 0x0000_0001);
    registers.put(0x0C, 0x0000_1000);
    registers.put(0x48, 0x0000_0100);
  }
}
