package dev.packs.emulator;

import dev.packs.emulator.internal.machine.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes an emulated device: its core, RAM and flash regions, the flash-controller model and
 * whether unmapped accesses fault (the default) or are only reported (permissive).
 */
public final class EmulatorBuilder {
  /** How many status polls a flash operation stays busy, unless set: enough to run wait loops. */
  public static final int DEFAULT_BUSY_POLLS = 2;

  private final List<RamRegion> rams = new ArrayList<>();
  private final List<FlashRegion> flashes = new ArrayList<>();
  private final List<DeviceMemory> memories = new ArrayList<>();
  private Core core = Core.CORTEX_M4;
  private Optional<FlashModel> model = Optional.empty();
  private String device = "";
  private boolean permissive;
  private int busyPolls = DEFAULT_BUSY_POLLS;
  private EmulatorListener listener = new EmulatorListener() {};

  EmulatorBuilder() {}

  public EmulatorBuilder core(Core core) {
    this.core = Objects.requireNonNull(core, "core");
    return this;
  }

  public EmulatorBuilder ram(RamRegion ram) {
    rams.add(Objects.requireNonNull(ram, "ram"));
    return this;
  }

  /**
   * The memory map of the device's descriptor: its writable memories become RAM and the others
   * read-only flash, all clipped around what the emulator models itself (the flash model's
   * arrays, controller and companion blocks, the system space from 0xE0000000), so that a
   * descriptor listing option bytes or the system control space as memory still builds. Models
   * also read the flash size from here when no flash region says it. A device with no RAM at all
   * gets {@link #FALLBACK_RAM}; {@link Emulator#memoryNotes()} says what was adjusted.
   */
  public EmulatorBuilder memoryMap(List<DeviceMemory> map) {
    map.forEach(m -> memories.add(Objects.requireNonNull(m, "memory")));
    return this;
  }

  /** Where RAM goes when a device lists none: 64 KiB at 0x20000000, the Cortex-M SRAM region. */
  public static final RamRegion FALLBACK_RAM = Machine.FALLBACK_RAM;

  /**
   * A flash region, usually the algorithm's FlashDevice. The flash model serves the regions that
   * lie in its arrays (main flash and its aliases, option bytes, OTP); any other region is
   * read-only flash.
   */
  public EmulatorBuilder flash(FlashRegion flash) {
    flashes.add(Objects.requireNonNull(flash, "flash"));
    return this;
  }

  public EmulatorBuilder model(FlashModel model) {
    this.model = Optional.of(model);
    return this;
  }

  /** The device name, which some models use to pick a variant (for example STM32G47x dual bank). */
  public EmulatorBuilder device(String device) {
    this.device = Objects.requireNonNull(device, "device");
    return this;
  }

  /** Unmapped reads return 0 and unmapped writes are dropped, both reported to the listener. */
  public EmulatorBuilder permissive(boolean permissive) {
    this.permissive = permissive;
    return this;
  }

  public EmulatorBuilder busyPolls(int busyPolls) {
    if (busyPolls < 0) {
      throw new IllegalArgumentException("busy polls must not be negative: " + busyPolls);
    }
    this.busyPolls = busyPolls;
    return this;
  }

  public EmulatorBuilder listener(EmulatorListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Builds the device; RAM is zeroed and flash erased (option bytes hold the model's factory
   * values). RAM that overlaps a modelled region or the system space is clipped around it.
   */
  public Emulator build() {
    Machine machine = Machine.build(new Machine.Spec(rams, flashes, memories, model, device,
        permissive, busyPolls, List.of(Machine.systemControlSpace(core.cpuid()))));
    machine.observe(listener);
    return Emulator.create(machine, core);
  }
}
