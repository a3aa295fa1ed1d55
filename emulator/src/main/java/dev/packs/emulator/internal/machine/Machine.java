package dev.packs.emulator.internal.machine;

import dev.packs.emulator.EmulatorListener;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.PeripheralWrite;
import dev.packs.emulator.RamRegion;
import dev.packs.emulator.internal.bus.BusObserver;
import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.FlashController;
import dev.packs.emulator.internal.bus.MemoryBus;
import dev.packs.emulator.internal.bus.Peripheral;
import dev.packs.emulator.internal.bus.SectorTable;
import dev.packs.emulator.internal.flash.FlashModels;
import dev.packs.emulator.internal.flash.InstalledModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The memory side of an emulated device: the bus with its RAM, flash arrays and peripheral models.
 * The controller model, if any, drives the first flash array.
 */
public final class Machine {
  private final MemoryBus bus;
  private final List<FlashArray> flashes;
  private final Optional<FlashController> controller;

  private Machine(MemoryBus bus, List<FlashArray> flashes, Optional<FlashController> controller) {
    this.bus = bus;
    this.flashes = List.copyOf(flashes);
    this.controller = controller;
  }

  /** Builds the bus for a device. {@code busyPolls} is how many status polls an operation takes. */
  public static Machine build(List<RamRegion> rams, List<FlashRegion> flashRegions,
      Optional<FlashModel> model, String device, boolean permissive, int busyPolls) {
    MemoryBus.Builder builder = MemoryBus.builder().permissive(permissive);
    for (RamRegion ram : rams) {
      builder.ram((int) ram.start(), (int) ram.size());
    }
    List<FlashArray> arrays = new ArrayList<>();
    FlashController controller = null;
    for (FlashRegion region : flashRegions) {
      FlashArray array = array(region, model, device);
      arrays.add(array);
      if (controller == null && model.isPresent()) {
        InstalledModel installed = FlashModels.install(model.get(), array, device, busyPolls);
        controller = installed.controller();
        installed.companions().forEach(builder::peripheral);
        builder.flash(array, controller);
      } else {
        builder.flash(array, null);
      }
    }
    return new Machine(builder.build(), arrays, Optional.ofNullable(controller));
  }

  private static FlashArray array(FlashRegion region, Optional<FlashModel> model, String device) {
    int size = (int) region.size();
    SectorTable sectors;
    if (model.equals(Optional.of(FlashModel.STM32G4))) {
      sectors = SectorTable.uniform(size, FlashModels.stm32g4PageSize(device, size));
    } else {
      List<SectorTable.Run> runs = region.sectors().stream()
          .map(r -> new SectorTable.Run((int) r.offset(), (int) r.sectorSize()))
          .toList();
      sectors = SectorTable.of(size, runs);
    }
    return new FlashArray((int) region.start(), size, region.erasedValue(), sectors);
  }

  public MemoryBus bus() {
    return bus;
  }

  public List<FlashArray> flashes() {
    return flashes;
  }

  public Optional<FlashController> controller() {
    return controller;
  }

  /** Forwards the bus's reports to {@code listener} as public records. */
  public void observe(EmulatorListener listener) {
    Objects.requireNonNull(listener, "listener");
    bus.observe(new BusObserver() {
      @Override
      public void peripheralWrite(Peripheral peripheral, int address, int size, int value) {
        listener.peripheralWrite(new PeripheralWrite(Integer.toUnsignedLong(address), size,
            Integer.toUnsignedLong(value), peripheral.registerName(address - peripheral.base())));
      }

      @Override
      public void unmappedAccess(int address, int size, boolean write) {
        listener.unmappedAccess(Integer.toUnsignedLong(address), size, write);
      }
    });
  }
}
