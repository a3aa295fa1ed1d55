package dev.packs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A descriptor's memory map never collides with what the emulator models itself: memories that
 * overlap the system control space, a flash model's option bytes or its peripherals are clipped
 * around them, overlapping memories merge, and a device with no RAM gets a clear fallback.
 */
class MemoryMapTest {
  @Test
  void clipsADescriptorMemoryThatMapsTheSystemControlSpace() {
    // Some descriptors list the SCS (0xE000E000) as memory; the emulator's own SCS stays.
    Emulator e = Emulator.builder()
        .core(Core.CORTEX_M0)
        .memoryMap(List.of(new DeviceMemory("IRAM1", 0x2000_0000L, 0x1000, true),
            new DeviceMemory("SCS", 0xE000_E000L, 0x1000, true)))
        .build();
    assertThat(e.readWord(0xE000_ED00L)).isEqualTo(Core.CORTEX_M0.cpuid());
    e.writeWord(0x2000_0FFCL, 0x1234_5678);
    assertThat(e.readWord(0x2000_0FFCL)).isEqualTo(0x1234_5678);
    assertThat(e.memoryNotes()).anyMatch(n -> n.contains("0xE000E000") && n.contains("kept nothing"));
  }

  @Test
  void letsTheG4ModelServeAnOptionBytesRegionAt0x1fff7800() {
    // ST's STM32G4 option-byte algorithm writes at 0x1FFF7800, beside the model's FLASHSIZE word.
    Emulator e = Emulator.builder()
        .model(FlashModel.STM32G4)
        .device("STM32G431KBTx")
        .ram(new RamRegion(0x2000_0000L, 0x8000))
        .flash(FlashRegion.uniform(0x0800_0000L, 0x20000, 0xFF, 0x800))
        .flash(FlashRegion.uniform(0x1FFF_7800L, 0x30, 0xFF, 0x30))
        .build();
    assertThat(e.readWord(0x1FFF_75E0L) & 0xFFFF).isEqualTo(128);
    assertThat(e.readWord(0x1FFF_7800L)).isEqualTo(-1);
  }

  @Test
  void clipsRamThatOverlapsAModelledPeripheral() {
    // A writable memory over the FLASH registers must not hide the controller.
    Emulator e = Emulator.builder()
        .model(FlashModel.STM32F1)
        .device("STM32F103C8")
        .memoryMap(List.of(new DeviceMemory("IRAM1", 0x2000_0000L, 0x5000, true),
            new DeviceMemory("odd", 0x4002_1C00L, 0x1000, true),
            new DeviceMemory("IROM1", 0x0800_0000L, 0x10000, false)))
        .build();
    assertThat(e.registerName(0x4002_2010L)).contains("FLASH_CR");
    assertThat(e.readWord(0x4002_2010L) & 0x80).as("CR.LOCK after reset").isNotZero();
    e.writeWord(0x4002_1C00L, 7);
    assertThat(e.readWord(0x4002_1C00L)).isEqualTo(7);
    assertThat(e.memoryNotes()).anyMatch(n -> n.contains("0x40021C00"));
  }

  @Test
  void mergesOverlappingRamAndFallsBackWhenThereIsNone() {
    Emulator merged = Emulator.builder()
        .memoryMap(List.of(new DeviceMemory("SRAM1", 0x2000_0000L, 0x2000, true),
            new DeviceMemory("SRAM12", 0x2000_1000L, 0x2000, true)))
        .build();
    merged.writeWord(0x2000_2FFCL, 5);
    assertThat(merged.readWord(0x2000_2FFCL)).isEqualTo(5);
    assertThat(merged.memoryNotes()).isEmpty();

    Emulator none = Emulator.builder()
        .memoryMap(List.of(new DeviceMemory("IROM1", 0x0800_0000L, 0x1000, false)))
        .build();
    none.writeWord(EmulatorBuilder.FALLBACK_RAM.start(), 9);
    assertThat(none.readWord(EmulatorBuilder.FALLBACK_RAM.start())).isEqualTo(9);
    assertThat(none.readWord(0x0800_0000L)).as("read-only flash from the map").isEqualTo(-1);
    assertThat(none.memoryNotes()).anyMatch(n -> n.contains("lists no RAM"));
  }
}
