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
import dev.packs.emulator.internal.bus.RegisterFile;
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
    return build(rams, flashRegions, model, device, permissive, busyPolls, List.of());
  }

  /** As above, with {@code extras} (for example the core's system control space) on the bus too. */
  public static Machine build(List<RamRegion> rams, List<FlashRegion> flashRegions,
      Optional<FlashModel> model, String device, boolean permissive, int busyPolls,
      List<Peripheral> extras) {
    MemoryBus.Builder builder = MemoryBus.builder().permissive(permissive);
    extras.forEach(builder::peripheral);
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

  /**
   * The parts of the system control space an algorithm may touch: SysTick, SCB CPUID, VTOR, AIRCR,
   * CCR. Other SCS addresses read as zero and ignore writes, as NVIC enables would on a halted core.
   */
  public static Peripheral systemControlSpace(int cpuid) {
    return RegisterFile.builder("SCS", 0xE000_E000, 0x1000)
        .register(0x010, "SYST_CSR", 0, 0x7)
        .register(0x014, "SYST_RVR", 0, 0x00FF_FFFF)
        .register(0x018, "SYST_CVR", 0, 0x00FF_FFFF)
        .constant(0x01C, "SYST_CALIB", 0)
        .constant(0xD00, "CPUID", cpuid)
        .register(0xD04, "ICSR", 0, 0)
        .register(0xD08, "VTOR", 0, 0xFFFF_FF80)
        .register(0xD0C, "AIRCR", 0xFA05_0000, 0x0000_0700)
        .register(0xD10, "SCR", 0, 0x16)
        .register(0xD14, "CCR", 0x200, 0x31B)
        .build();
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

      @Override
      public void unmappedWrite(int address, int size, int value) {
        // A permissive bus stands in for peripherals it does not model: report the write as one.
        listener.peripheralWrite(new PeripheralWrite(Integer.toUnsignedLong(address), size,
            Integer.toUnsignedLong(value), Optional.empty()));
      }
    });
  }
}
