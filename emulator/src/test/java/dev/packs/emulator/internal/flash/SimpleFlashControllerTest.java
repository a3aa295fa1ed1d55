package dev.packs.emulator.internal.flash;

import static dev.packs.emulator.internal.flash.SimpleFlashController.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.RamRegion;
import dev.packs.emulator.internal.bus.MemoryBus;
import dev.packs.emulator.internal.cpu.BusFault;
import dev.packs.emulator.internal.machine.Machine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimpleFlashControllerTest {
  private static final int REGS = 0x4002_2000;
  private static final int FLASH = 0x0800_0000;
  private MemoryBus bus;

  @BeforeEach
  void buildTheSpecTestDevice() {
    // The device of test-algorithms/SFC.md: 8 x 4 KiB then 3 x 32 KiB sectors.
    FlashRegion flash = new FlashRegion(FLASH, 0x20000, 0xFF, List.of(
        new FlashRegion.SectorRun(0, 0x1000), new FlashRegion.SectorRun(0x8000, 0x8000)));
    bus = Machine.build(List.of(new RamRegion(0x2000_0000L, 0x8000)), List.of(flash),
        Optional.of(FlashModel.SFC), "", false, 2).bus();
  }

  private void unlock() {
    bus.write(REGS + KEYR, 4, KEY1);
    bus.write(REGS + KEYR, 4, KEY2);
  }

  private int sr() {
    return bus.read(REGS + SR, 4);
  }

  @Test
  void resetsLockedAndUnlocksWithTheTwoKeys() {
    assertThat(bus.read(REGS + CR, 4)).isEqualTo(CR_LOCK);
    unlock();
    assertThat(bus.read(REGS + CR, 4)).isZero();
    bus.write(REGS + CR, 4, CR_LOCK);
    assertThat(bus.read(REGS + CR, 4)).isEqualTo(CR_LOCK);
  }

  @Test
  void wrongKeyOrderSetsKeyErrorAndKeepsTheLockUntilReset() {
    bus.write(REGS + KEYR, 4, KEY2);
    bus.write(REGS + KEYR, 4, KEY1);
    unlock();
    assertThat(sr() & SR_KEYERR).isNotZero();
    assertThat(bus.read(REGS + CR, 4)).isEqualTo(CR_LOCK);
    bus.write(REGS + CR, 4, CR_PG);
    assertThat(sr() & SR_WRPERR).isNotZero();
    bus.resetPeripherals();
    unlock();
    assertThat(bus.read(REGS + CR, 4)).isZero();
    assertThat(sr()).isZero();
  }

  @Test
  void programsAWordThenReportsBusyForTwoPollsThenEndOfOperation() {
    unlock();
    bus.write(REGS + CR, 4, CR_PG);
    bus.write(FLASH + 0x100, 4, 0x1234_5678);
    assertThat(sr()).isEqualTo(SR_BSY);
    assertThat(sr()).isEqualTo(SR_BSY);
    assertThat(sr()).isEqualTo(SR_EOP);
    bus.write(REGS + SR, 4, SR_EOP);
    assertThat(sr()).isZero();
    assertThat(bus.read(FLASH + 0x100, 4)).isEqualTo(0x1234_5678);
  }

  @Test
  void refusesToSetBitsThatNeedAnErase() {
    unlock();
    bus.write(REGS + CR, 4, CR_PG);
    bus.write(FLASH, 4, 0x0000_FFFF);
    bus.write(FLASH, 4, 0xFFFF_0000);
    assertThat(sr() & SR_PGERR).isNotZero();
    assertThat(bus.read(FLASH, 4)).isEqualTo(0x0000_FFFF);
  }

  @Test
  void refusesNarrowUnalignedAndUnenabledArrayWrites() {
    bus.write(FLASH, 4, 0);
    assertThat(sr()).isEqualTo(SR_WRPERR);
    unlock();
    bus.write(REGS + SR, 4, 0x3E);
    bus.write(FLASH, 4, 0);
    assertThat(sr()).isEqualTo(SR_WRPERR);
    bus.write(REGS + SR, 4, 0x3E);
    bus.write(REGS + CR, 4, CR_PG);
    bus.write(FLASH, 2, 0);
    bus.write(FLASH + 2, 4, 0);
    assertThat(sr()).isEqualTo(SR_PGERR);
    assertThat(bus.read(FLASH, 4)).isEqualTo(-1);
  }

  @Test
  void erasesTheSectorContainingTheAddressOnly() {
    unlock();
    bus.write(REGS + CR, 4, CR_PG);
    for (int at : new int[] {0x0FFC, 0x1000, 0x1FFC, 0x2000, 0x8000, 0x10000}) {
      bus.write(FLASH + at, 4, 0);
    }
    bus.write(REGS + CR, 4, CR_SER);
    bus.write(REGS + AR, 4, FLASH + 0x1800);
    bus.write(REGS + CR, 4, CR_SER | CR_STRT);
    assertThat(bus.read(REGS + CR, 4)).isEqualTo(CR_SER);
    assertThat(bus.read(FLASH + 0x1000, 4)).isEqualTo(-1);
    assertThat(bus.read(FLASH + 0x1FFC, 4)).isEqualTo(-1);
    assertThat(bus.read(FLASH + 0x0FFC, 4)).isZero();
    assertThat(bus.read(FLASH + 0x2000, 4)).isZero();
    // A 32 KiB sector goes as a whole.
    bus.write(REGS + AR, 4, FLASH + 0xFFFC);
    bus.write(REGS + CR, 4, CR_SER | CR_STRT);
    assertThat(bus.read(FLASH + 0x8000, 4)).isEqualTo(-1);
    assertThat(bus.read(FLASH + 0x10000, 4)).isZero();
  }

  @Test
  void flagsAnEraseAddressOutsideTheArrayAndErasesNothing() {
    unlock();
    bus.write(REGS + CR, 4, CR_PG);
    bus.write(FLASH, 4, 0);
    bus.write(REGS + CR, 4, CR_SER);
    bus.write(REGS + AR, 4, FLASH + 0x20000);
    bus.write(REGS + CR, 4, CR_SER | CR_STRT);
    assertThat(sr() & SR_ADDRERR).isNotZero();
    assertThat(bus.read(FLASH, 4)).isZero();
  }

  @Test
  void massEraseErasesEverything() {
    unlock();
    bus.write(REGS + CR, 4, CR_PG);
    bus.write(FLASH, 4, 0);
    bus.write(FLASH + 0x1FFFC, 4, 0);
    bus.write(REGS + CR, 4, CR_MER | CR_STRT);
    assertThat(bus.read(FLASH, 4)).isEqualTo(-1);
    assertThat(bus.read(FLASH + 0x1FFFC, 4)).isEqualTo(-1);
  }

  @Test
  void registersTakeWordAccessesOnly() {
    assertThatThrownBy(() -> bus.read(REGS + SR, 2))
        .isInstanceOfSatisfying(BusFault.class,
            f -> assertThat(f.kind()).isEqualTo(BusFault.Kind.BAD_SIZE));
    assertThatThrownBy(() -> bus.write(REGS + CR, 1, 0)).isInstanceOf(BusFault.class);
  }
}
