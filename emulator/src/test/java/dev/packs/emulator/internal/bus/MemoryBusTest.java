package dev.packs.emulator.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.emulator.EmulatorException;
import dev.packs.emulator.internal.cpu.BusFault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBusTest {
  private static final int RAM = 0x2000_0000;
  private static final int FLASH = 0x0800_0000;

  private static FlashArray flash() {
    return new FlashArray(FLASH, 0x1000, 0xFF, SectorTable.uniform(0x1000, 0x400));
  }

  @Test
  void readsAndWritesRamLittleEndianInEverySize() {
    MemoryBus bus = MemoryBus.builder().ram(RAM, 0x100).build();
    bus.write(RAM, 4, 0x1122_3344);
    assertThat(bus.read(RAM, 1)).isEqualTo(0x44);
    assertThat(bus.read(RAM + 1, 2)).isEqualTo(0x2233);
    assertThat(bus.read(RAM + 3, 1)).isEqualTo(0x11);
    bus.write(RAM + 2, 2, 0xABCD);
    bus.write(RAM, 1, 0x01);
    assertThat(bus.read(RAM, 4)).isEqualTo(0xABCD_3301);
  }

  @Test
  void readsFlashDirectlyAndRefusesWritesWithoutAController() {
    FlashArray array = flash();
    MemoryBus bus = MemoryBus.builder().flash(array, null).build();
    assertThat(bus.read(FLASH + 0x10, 4)).isEqualTo(0xFFFF_FFFF);
    assertThat(bus.fetch16(FLASH)).isEqualTo(0xFFFF);
    assertThatThrownBy(() -> bus.write(FLASH, 4, 0))
        .isInstanceOfSatisfying(BusFault.class, f -> {
          assertThat(f.kind()).isEqualTo(BusFault.Kind.READ_ONLY);
          assertThat(f.address()).isEqualTo(FLASH);
          assertThat(f.isWrite()).isTrue();
        });
  }

  @Test
  void faultsOnUnmappedAccessWithTheAddress() {
    MemoryBus bus = MemoryBus.builder().ram(RAM, 0x100).build();
    assertThatThrownBy(() -> bus.read(RAM + 0x100, 4))
        .isInstanceOfSatisfying(BusFault.class, f -> {
          assertThat(f.kind()).isEqualTo(BusFault.Kind.UNMAPPED);
          assertThat(f.address()).isEqualTo(RAM + 0x100);
        })
        .hasMessageContaining("0x20000100");
    // A word that starts inside RAM but runs past its end is not served either.
    assertThatThrownBy(() -> bus.read(RAM + 0xFE, 4)).isInstanceOf(BusFault.class);
    assertThatThrownBy(() -> bus.write(0xE000_0000, 4, 1)).isInstanceOf(BusFault.class);
  }

  @Test
  void refusedAccessIsAnEmulatorException() {
    // Should a refused access ever escape the CPU and the debug accessors, it is still under the root.
    MemoryBus bus = MemoryBus.builder().ram(RAM, 0x100).build();
    assertThatThrownBy(() -> bus.write(RAM + 0x100, 4, 0))
        .isInstanceOf(EmulatorException.class)
        .hasMessage("write of unmapped memory at 0x20000100");
  }

  @Test
  void permissiveBusReadsZeroIgnoresWritesAndReportsBoth() {
    List<String> seen = new ArrayList<>();
    MemoryBus bus = MemoryBus.builder().ram(RAM, 0x100).permissive(true).build();
    bus.observe(new BusObserver() {
      @Override
      public void unmappedAccess(int address, int size, boolean write) {
        seen.add(String.format("%s 0x%08X/%d", write ? "W" : "R", address, size));
      }
    });
    assertThat(bus.read(0x4000_1000, 4)).isZero();
    bus.write(0x4000_1004, 2, 7);
    assertThat(bus.read(0x4000_1004, 2)).isZero();
    assertThat(seen).containsExactly("R 0x40001000/4", "W 0x40001004/2", "R 0x40001004/2");
  }

  @Test
  void namesTheAddressAHungLoopPolls() {
    RegisterFile status = RegisterFile.builder("ST", 0x4000_0000, 0x10)
        .constant(0, "SR", 1).constant(4, "DR", 0).build();
    MemoryBus bus = MemoryBus.builder().ram(RAM, 0x100).peripheral(status).build();
    assertThat(bus.mostPolledAddress()).isEmpty();
    bus.read(0x4000_0004, 4);
    for (int i = 0; i < 100; i++) {
      bus.read(0x4000_0000, 4);
      bus.read(RAM, 4);
    }
    assertThat(bus.mostPolledAddress()).contains(0x4000_0000);
    bus.forgetReads();
    assertThat(bus.mostPolledAddress()).isEmpty();
  }

  @Test
  void reportsPeripheralWritesWithRegisterNames() {
    RegisterFile block = RegisterFile.builder("IWDG", 0x4000_3000, 0x400)
        .register(0x08, "RLR", 0xFFF, 0xFFF).build();
    List<String> writes = new ArrayList<>();
    MemoryBus bus = MemoryBus.builder().peripheral(block).build();
    bus.observe(new BusObserver() {
      @Override
      public void peripheralWrite(Peripheral p, int address, int size, int value) {
        writes.add(String.format("0x%08X=0x%X %s", address, value,
            p.registerName(address - p.base()).orElse("?")));
      }
    });
    bus.write(0x4000_3008, 4, 0x123);
    assertThat(bus.read(0x4000_3008, 4)).isEqualTo(0x123);
    assertThat(writes).containsExactly("0x40003008=0x123 IWDG_RLR");
  }

  @Test
  void rejectsOverlappingRegions() {
    assertThatThrownBy(() -> MemoryBus.builder().ram(RAM, 0x100).ram(RAM + 0x80, 0x100).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x20000080");
  }
}
