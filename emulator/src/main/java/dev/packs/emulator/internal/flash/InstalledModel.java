package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.ArrayReader;
import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.FlashController;
import dev.packs.emulator.internal.bus.Peripheral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a flash model puts on the bus: its flash arrays (each at its own start and at any alias,
 * with the controller that programs it), arrays a model answers every access to (NOR chips), and
 * the peripherals around them (controllers, clock, watchdogs, ID registers).
 */
public record InstalledModel(List<Mapping> mappings, List<CommandArray> commandArrays,
    List<Peripheral> peripherals, Map<Integer, String> atlas) {
  public InstalledModel {
    mappings = List.copyOf(mappings);
    commandArrays = List.copyOf(commandArrays);
    peripherals = List.copyOf(peripherals);
    atlas = Map.copyOf(atlas);
  }

  /**
   * The name of the unmodelled peripheral whose 1 KiB block holds {@code address}, from the
   * family's memory map, so a fault there can say what the algorithm wanted.
   */
  public java.util.Optional<String> unmodelled(int address) {
    return java.util.Optional.ofNullable(atlas.get(address & ~0x3FF));
  }

  /** {@code array} shown at {@code at}, written through {@code controller} (null: read-only). */
  public record Mapping(FlashArray array, int at, FlashController controller) {
    public Mapping {
      Objects.requireNonNull(array, "array");
    }

    public long start() {
      return Integer.toUnsignedLong(at);
    }

    public long end() {
      return start() + array.size();
    }
  }

  /** An array every access to which goes through its model. */
  public record CommandArray(FlashArray array, FlashController controller, ArrayReader reader) {}

  /** The distinct flash arrays, in the order they were added. */
  public List<FlashArray> arrays() {
    List<FlashArray> all = new ArrayList<>();
    for (Mapping m : mappings) {
      if (!all.contains(m.array())) {
        all.add(m.array());
      }
    }
    commandArrays.forEach(c -> all.add(c.array()));
    return all;
  }

  /** Collects the parts of a model. */
  static final class Builder {
    private final List<Mapping> mappings = new ArrayList<>();
    private final List<CommandArray> commandArrays = new ArrayList<>();
    private final List<Peripheral> peripherals = new ArrayList<>();
    private final Map<Integer, String> atlas = new java.util.HashMap<>();

    /** Names of the family's peripherals the model does not have, by 1 KiB block base. */
    Builder atlas(Map<Integer, String> more) {
      atlas.putAll(more);
      return this;
    }

    /** The controller's arrays at their own starts, and the controller itself. */
    Builder controller(FlashController controller) {
      for (FlashArray a : controller.arrays()) {
        mappings.add(new Mapping(a, a.start(), controller));
      }
      peripherals.add(controller);
      return this;
    }

    /** The controller's main array shown again at {@code at}. */
    Builder alias(FlashController controller, int at) {
      mappings.add(new Mapping(controller.arrays().get(0), at, controller));
      return this;
    }

    Builder commandArray(FlashArray array, FlashController controller, ArrayReader reader) {
      commandArrays.add(new CommandArray(array, controller, reader));
      return this;
    }

    /**
     * A parallel NOR chip on a memory-controller bank whose control register is word 0 of
     * {@code controllerBlock}; {@code enableBit} names its enable bit (bit 0) in faults.
     */
    Builder commandArray(FlashArray array, dev.packs.emulator.internal.bus.RegisterFile
        controllerBlock, String enableBit, int busyPolls) {
      ParallelNorFlash nor = new ParallelNorFlash(array,
          () -> (controllerBlock.read(0, 4) & 1) != 0, enableBit, busyPolls);
      return commandArray(array, nor, nor);
    }

    Builder peripheral(Peripheral... more) {
      peripherals.addAll(List.of(more));
      return this;
    }

    InstalledModel build() {
      return new InstalledModel(mappings, commandArrays, peripherals, atlas);
    }
  }
}
