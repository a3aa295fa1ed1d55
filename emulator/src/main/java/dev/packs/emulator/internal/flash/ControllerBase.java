package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.FlashController;
import dev.packs.emulator.internal.bus.Peripheral;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every flash-controller model shares: its place on the bus, its arrays (main flash first,
 * then OTP or option bytes), the names of its registers, and a busy counter that keeps the status
 * register busy for a few polls after each operation, so that algorithms really go through their
 * wait loops.
 */
abstract class ControllerBase implements FlashController {
  private final String name;
  private final int base;
  private final int size;
  private final List<FlashArray> arrays = new ArrayList<>();
  private final List<Integer> aliases = new ArrayList<>();
  private final Map<Integer, String> registers;
  private final int busyPolls;
  private int busyLeft;

  ControllerBase(String name, int base, int size, FlashArray array, Map<Integer, String> registers,
      int busyPolls) {
    if (busyPolls < 0) {
      throw new IllegalArgumentException("busy polls must not be negative: " + busyPolls);
    }
    this.name = name;
    this.base = base;
    this.size = size;
    this.arrays.add(Objects.requireNonNull(array, "array"));
    this.registers = Map.copyOf(registers);
    this.busyPolls = busyPolls;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int base() {
    return base;
  }

  @Override
  public final int size() {
    return size;
  }

  /** The main flash array. */
  public final FlashArray array() {
    return arrays.get(0);
  }

  @Override
  public final List<FlashArray> arrays() {
    return List.copyOf(arrays);
  }

  /** Adds an array this controller also programs (OTP, option bytes). */
  final FlashArray addArray(FlashArray extra) {
    arrays.add(Objects.requireNonNull(extra, "extra"));
    return extra;
  }

  /** Another address the main array shows up at (a secure or TCM alias). */
  final void alias(int aliasBase) {
    aliases.add(aliasBase);
  }

  @Override
  public Optional<String> registerName(int offset) {
    return Optional.ofNullable(registers.get(offset & ~3)).map(r -> name + "_" + r);
  }

  /** Refuses a register access that is not one aligned word. */
  final void requireWord(int offset, int size, boolean write) {
    if (size != 4 || (offset & 3) != 0) {
      throw new BusFault(BusFault.Kind.BAD_SIZE, base + offset, write,
          name + " registers take 32-bit accesses only");
    }
  }

  /**
   * A byte or half-word read of a register (the STM32 flash interfaces allow them): the word
   * read, shifted down to the bytes asked for.
   */
  final int readNarrow(int offset, int size) {
    return Peripheral.narrow(read(offset & ~3, 4), offset, size);
  }

  /** Starts an operation: the controller reports busy for the next few status polls. */
  final void startBusy() {
    busyLeft = busyPolls;
    if (busyLeft == 0) {
      operationDone();
    }
  }

  final boolean busy() {
    return busyLeft > 0;
  }

  /** Called on each status poll; returns true while still busy and finishes the operation after. */
  final boolean pollBusy() {
    if (busyLeft == 0) {
      return false;
    }
    if (--busyLeft == 0) {
      operationDone();
    }
    return true;
  }

  final void clearBusy() {
    busyLeft = 0;
  }

  /** The operation in flight has finished; set the end-of-operation flag if the model has one. */
  void operationDone() {}

  /** True when the absolute {@code address} lies inside the main array or one of its aliases. */
  final boolean inArray(int address) {
    return mainOffset(address) >= 0;
  }

  /** The offset of {@code address} in the main array, through any alias; -1 outside it. */
  final int mainOffset(int address) {
    FlashArray main = array();
    if (Integer.compareUnsigned(address - main.start(), main.size()) < 0) {
      return address - main.start();
    }
    for (int alias : aliases) {
      if (Integer.compareUnsigned(address - alias, main.size()) < 0) {
        return address - alias;
      }
    }
    return -1;
  }

  /** True when {@code array} is the main flash array, not OTP or option bytes. */
  final boolean isMain(FlashArray target) {
    return target == array();
  }
}
