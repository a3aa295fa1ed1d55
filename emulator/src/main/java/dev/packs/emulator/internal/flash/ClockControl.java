package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.Peripheral;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Just enough of a reset and clock controller (STM32 RCC, GigaDevice RCU, HDSC SYSCTRL) for
 * algorithms that set up their clock before touching flash: an oscillator or PLL reports ready as
 * soon as it is switched on, the system clock switch status follows the switch, a few status bits
 * read as always set, and every other register keeps what is written. Without it such an algorithm
 * polls a ready flag for ever.
 */
final class ClockControl implements Peripheral {
  /** In the register at {@code offset}, each bit of {@code on} set makes the bits of {@code ready} read as set. */
  record Ready(int offset, int on, int ready) {}

  /** In the register at {@code offset}, {@code width} bits at {@code swsShift} follow those at {@code swShift}. */
  record Switch(int offset, int swShift, int swsShift, int width) {}

  private final String name;
  private final int base;
  private final int size;
  private final Map<Integer, String> names;
  private final Map<Integer, Integer> resets;
  private final List<Ready> readies;
  private final List<Switch> switches;
  private final Map<Integer, Integer> alwaysSet;
  private final Map<Integer, Integer> registers = new HashMap<>();

  ClockControl(String name, int base, int size, Map<Integer, String> names,
      Map<Integer, Integer> resets, List<Ready> readies, List<Switch> switches,
      Map<Integer, Integer> alwaysSet) {
    this.name = name;
    this.base = base;
    this.size = size;
    this.names = Map.copyOf(names);
    this.resets = Map.copyOf(resets);
    this.readies = List.copyOf(readies);
    this.switches = List.copyOf(switches);
    this.alwaysSet = Map.copyOf(alwaysSet);
    reset();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int base() {
    return base;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int read(int offset, int size) {
    return Peripheral.narrow(value(offset & ~3), offset, size);
  }

  private int value(int offset) {
    int raw = registers.getOrDefault(offset, 0) | alwaysSet.getOrDefault(offset, 0);
    for (Ready r : readies) {
      if (r.offset() == offset) {
        raw = (raw & ~r.ready()) | ((raw & r.on()) != 0 ? r.ready() : 0);
      }
    }
    for (Switch s : switches) {
      if (s.offset() == offset) {
        int mask = (1 << s.width()) - 1;
        int sw = (raw >>> s.swShift()) & mask;
        raw = (raw & ~(mask << s.swsShift())) | (sw << s.swsShift());
      }
    }
    return raw;
  }

  @Override
  public void write(int offset, int size, int value) {
    int aligned = offset & ~3;
    int old = registers.getOrDefault(aligned, 0);
    registers.put(aligned, Peripheral.merge(old, offset, size, value, -1));
  }

  @Override
  public Optional<String> registerName(int offset) {
    return Optional.ofNullable(names.get(offset & ~3)).map(n -> name + "_" + n);
  }

  @Override
  public void reset() {
    registers.clear();
    registers.putAll(resets);
  }
}
