package dev.packs.emulator.internal.machine;

import dev.packs.emulator.DeviceMemory;
import dev.packs.emulator.EmulatorListener;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.PeripheralWrite;
import dev.packs.emulator.RamRegion;
import dev.packs.emulator.internal.bus.BusObserver;
import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.MemoryBus;
import dev.packs.emulator.internal.bus.Peripheral;
import dev.packs.emulator.internal.bus.RegisterFile;
import dev.packs.emulator.internal.bus.SectorTable;
import dev.packs.emulator.internal.flash.FlashModels;
import dev.packs.emulator.internal.flash.InstalledModel;
import dev.packs.emulator.internal.flash.ModelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The memory side of an emulated device: the bus with its RAM, flash arrays and peripheral models.
 * The flash model places its own arrays, controllers and companion blocks first; the flash regions
 * asked for that the model does not serve become read-only arrays; RAM and the descriptor's
 * memories fill what is left, clipped around everything modelled and the system space, so a
 * descriptor's memory map never collides with the emulator's own regions.
 */
public final class Machine {
  /** Where the emulator puts RAM when a device lists none: the Cortex-M SRAM region. */
  public static final RamRegion FALLBACK_RAM = new RamRegion(0x2000_0000L, 0x1_0000L);
  /** The private peripheral bus and vendor system space: never RAM or flash. */
  private static final long SYSTEM_SPACE = 0xE000_0000L;

  private final MemoryBus bus;
  private final List<FlashArray> flashes;
  private final List<String> notes;
  private final Optional<InstalledModel> model;

  private Machine(MemoryBus bus, List<FlashArray> flashes, List<String> notes,
      Optional<InstalledModel> model) {
    this.bus = bus;
    this.flashes = List.copyOf(flashes);
    this.notes = List.copyOf(notes);
    this.model = model;
  }

  /** The family's name for an unmodelled peripheral at {@code address}, when the model knows it. */
  public Optional<String> unmodelled(int address) {
    return model.flatMap(m -> m.unmodelled(address));
  }

  /** Everything a device is built from. */
  public record Spec(List<RamRegion> rams, List<FlashRegion> flashes, List<DeviceMemory> memories,
      Optional<FlashModel> model, String device, boolean permissive, int busyPolls,
      List<Peripheral> extras) {
    public Spec {
      rams = List.copyOf(rams);
      flashes = List.copyOf(flashes);
      memories = List.copyOf(memories);
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(device, "device");
      extras = List.copyOf(extras);
    }
  }

  /** Builds the bus for a device. {@code busyPolls} is how many status polls an operation takes. */
  public static Machine build(List<RamRegion> rams, List<FlashRegion> flashRegions,
      Optional<FlashModel> model, String device, boolean permissive, int busyPolls) {
    return build(new Spec(rams, flashRegions, List.of(), model, device, permissive, busyPolls,
        List.of()));
  }

  public static Machine build(Spec spec) {
    MemoryBus.Builder builder = MemoryBus.builder().permissive(spec.permissive());
    Spans taken = new Spans();
    taken.add(SYSTEM_SPACE, 0x1_0000_0000L - SYSTEM_SPACE);
    List<String> notes = new ArrayList<>();
    for (Peripheral p : spec.extras()) {
      builder.peripheral(p);
    }
    List<FlashArray> arrays = new ArrayList<>();
    Optional<InstalledModel> installed = spec.model().map(m -> FlashModels.install(m,
        new ModelContext(spec.flashes(), spec.device(), spec.memories(), spec.busyPolls())));
    installed.ifPresent(m -> {
      place(m, builder, taken);
      arrays.addAll(m.arrays());
    });
    Spans modelArrays = new Spans();
    installed.ifPresent(m -> {
      m.mappings().forEach(a -> modelArrays.add(a.start(), a.array().size()));
      m.commandArrays().forEach(c -> modelArrays.add(Integer.toUnsignedLong(c.array().start()),
          c.array().size()));
    });
    for (FlashRegion region : spec.flashes()) {
      if (modelArrays.free(region.start(), region.size()).isEmpty()) {
        continue;  // the model serves it
      }
      readOnlyFlash(region.start(), region.size(), region.erasedValue(), region, "flash region",
          builder, taken, arrays, notes);
    }
    placeRam(spec, builder, taken, notes);
    for (DeviceMemory m : spec.memories()) {
      if (!m.writable() && !modelArrays.free(m.start(), m.size()).isEmpty()) {
        readOnlyFlash(m.start(), m.size(), 0xFF, null, "memory " + m.name(), builder, taken,
            arrays, notes);
      }
    }
    return new Machine(builder.build(), arrays, notes, installed);
  }

  private static void place(InstalledModel installed, MemoryBus.Builder builder, Spans taken) {
    for (Peripheral p : installed.peripherals()) {
      builder.peripheral(p);
      taken.add(Integer.toUnsignedLong(p.base()), Integer.toUnsignedLong(p.size()));
    }
    for (InstalledModel.Mapping m : installed.mappings()) {
      builder.alias(m.array(), m.at(), m.controller());
      taken.add(m.start(), m.array().size());
    }
    for (InstalledModel.CommandArray c : installed.commandArrays()) {
      builder.commandMapped(c.array(), c.controller(), c.reader());
      taken.add(Integer.toUnsignedLong(c.array().start()), c.array().size());
    }
  }

  /** The parts of a flash region nothing serves yet become read-only arrays. */
  private static void readOnlyFlash(long start, long size, int erased, FlashRegion region,
      String what, MemoryBus.Builder builder, Spans taken, List<FlashArray> arrays,
      List<String> notes) {
    List<long[]> free = taken.free(start, size);
    if (free.size() == 1 && free.get(0)[0] == start && free.get(0)[1] == size && region != null) {
      FlashArray array = new FlashArray((int) start, (int) size, erased, SectorTable.of(
          (int) size, region.sectors().stream()
              .map(r -> new SectorTable.Run((int) r.offset(), (int) r.sectorSize())).toList()));
      builder.flash(array, null);
      arrays.add(array);
      taken.add(start, size);
      return;
    }
    for (long[] piece : free) {
      FlashArray array = new FlashArray((int) piece[0], (int) piece[1], erased,
          SectorTable.uniform((int) piece[1], (int) piece[1]));
      builder.flash(array, null);
      arrays.add(array);
      taken.add(piece[0], piece[1]);
    }
    if (free.size() != 1 || free.get(0)[1] != size) {
      notes.add(String.format("%s 0x%08X..0x%08X overlaps modelled memory or system space;"
          + " only %s of it is plain flash", what, start, start + size, describe(free)));
    }
  }

  /** RAM from the explicit regions and the descriptor's writable memories, merged and clipped. */
  private static void placeRam(Spec spec, MemoryBus.Builder builder, Spans taken,
      List<String> notes) {
    Spans wanted = new Spans();
    spec.rams().forEach(r -> wanted.add(r.start(), r.size()));
    spec.memories().stream().filter(DeviceMemory::writable)
        .forEach(m -> wanted.add(m.start(), m.size()));
    if (wanted.isEmpty()) {
      wanted.add(FALLBACK_RAM.start(), FALLBACK_RAM.size());
      notes.add(String.format("the device lists no RAM: using 0x%08X..0x%08X, the Cortex-M SRAM"
          + " region", FALLBACK_RAM.start(), FALLBACK_RAM.start() + FALLBACK_RAM.size()));
    }
    for (long[] span : wanted.merged()) {
      List<long[]> free = taken.free(span[0], span[1]);
      for (long[] piece : free) {
        builder.ram((int) piece[0], (int) piece[1]);
      }
      if (free.size() != 1 || free.get(0)[1] != span[1]) {
        notes.add(String.format("RAM 0x%08X..0x%08X overlaps modelled peripherals, flash or"
            + " system space; kept %s", span[0], span[0] + span[1], describe(free)));
      }
      free.forEach(piece -> taken.add(piece[0], piece[1]));
    }
  }

  private static String describe(List<long[]> pieces) {
    if (pieces.isEmpty()) {
      return "nothing";
    }
    return String.join(", ", pieces.stream()
        .map(p -> String.format("0x%08X..0x%08X", p[0], p[0] + p[1])).toList());
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

  public MemoryBus bus() {
    return bus;
  }

  /** Every flash array, the model's first. */
  public List<FlashArray> flashes() {
    return flashes;
  }

  /** What the memory map needed adjusting, for the user: clipped RAM, the fallback RAM. */
  public List<String> notes() {
    return notes;
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
