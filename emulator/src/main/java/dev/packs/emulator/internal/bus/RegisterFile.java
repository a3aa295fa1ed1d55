package dev.packs.emulator.internal.bus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A peripheral that is nothing but named 32-bit registers with reset values and writable-bit masks:
 * enough for the identification and watchdog blocks a flash algorithm touches (DBGMCU, IWDG, FICR,
 * FLASHSIZE). Narrow reads return the addressed bytes; writes to read-only bits are ignored.
 */
public final class RegisterFile implements Peripheral {
  private record Register(String name, int reset, int writable) {}

  private final String name;
  private final int base;
  private final int size;
  private final Map<Integer, Register> registers;
  private final Map<Integer, Integer> values = new LinkedHashMap<>();

  private RegisterFile(String name, int base, int size, Map<Integer, Register> registers) {
    this.name = name;
    this.base = base;
    this.size = size;
    this.registers = Map.copyOf(registers);
    reset();
  }

  public static Builder builder(String name, int base, int size) {
    return new Builder(name, base, size);
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
    return Peripheral.narrow(values.getOrDefault(offset & ~3, 0), offset, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    Register register = registers.get(offset & ~3);
    if (register == null) {
      return;
    }
    int old = values.get(offset & ~3);
    values.put(offset & ~3, Peripheral.merge(old, offset, size, value, register.writable()));
  }

  @Override
  public Optional<String> registerName(int offset) {
    return Optional.ofNullable(registers.get(offset & ~3)).map(r -> name + "_" + r.name());
  }

  @Override
  public void reset() {
    registers.forEach((offset, r) -> values.put(offset, r.reset()));
  }

  /** Collects the registers of one block. */
  public static final class Builder {
    private final String name;
    private final int base;
    private final int size;
    private final Map<Integer, Register> registers = new LinkedHashMap<>();

    private Builder(String name, int base, int size) {
      this.name = name;
      this.base = base;
      this.size = size;
    }

    /** A register whose bits in {@code writable} the CPU can change. */
    public Builder register(int offset, String name, int reset, int writable) {
      if ((offset & 3) != 0 || offset < 0 || offset + 4 > size) {
        throw new IllegalArgumentException("bad register offset " + offset + " in " + this.name);
      }
      registers.put(offset, new Register(name, reset, writable));
      return this;
    }

    /** A read-only register. */
    public Builder constant(int offset, String name, int value) {
      return register(offset, name, value, 0);
    }

    public RegisterFile build() {
      return new RegisterFile(name, base, size, registers);
    }
  }
}
