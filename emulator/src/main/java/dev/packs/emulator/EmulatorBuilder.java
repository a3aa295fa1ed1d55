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

  /** A flash region; the flash model, if any, drives the first one. */
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

  /** Builds the device; RAM is zeroed and flash erased. */
  public Emulator build() {
    if (rams.isEmpty() && flashes.isEmpty()) {
      throw new IllegalStateException("an emulated device needs some memory");
    }
    Machine machine = Machine.build(rams, flashes, model, device, permissive, busyPolls,
        List.of(Machine.systemControlSpace(core.cpuid())));
    machine.observe(listener);
    return Emulator.create(machine, core);
  }
}
