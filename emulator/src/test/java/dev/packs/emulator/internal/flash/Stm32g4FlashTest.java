package dev.packs.emulator.internal.flash;

import static dev.packs.emulator.internal.flash.Stm32g4Flash.*;
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
import org.junit.jupiter.api.Test;

class Stm32g4FlashTest {
  private static final int REGS = 0x4002_2000;
  private static final int FLASH = 0x0800_0000;

  private static MemoryBus device(String name, int size) {
    return Machine.build(List.of(new RamRegion(0x2000_0000L, 0x8000)),
        List.of(FlashRegion.uniform(FLASH, size, 0xFF, 0x800)),
        Optional.of(FlashModel.STM32G4), name, false, 2).bus();
  }

  // STM32G431KB: 128 KiB single bank of 64 pages of 2 KiB, the device of the original bug.
  private final MemoryBus bus = device("STM32G431KBTx", 0x20000);

  private void unlock() {
    bus.write(REGS + KEYR, 4, KEY1);
    bus.write(REGS + KEYR, 4, KEY2);
  }

  private int sr() {
    return bus.read(REGS + SR, 4);
  }

  private void waitReady() {
    while ((sr() & SR_BSY) != 0) {
      // poll like an algorithm
    }
  }

  private void programDoubleWord(int address, int low, int high) {
    bus.write(REGS + CR, 4, CR_PG);
    bus.write(address, 4, low);
    bus.write(address + 4, 4, high);
    waitReady();
    bus.write(REGS + CR, 4, 0);
  }

  private void erasePage(int page) {
    bus.write(REGS + CR, 4, CR_PER | page << CR_PNB_SHIFT);
    bus.write(REGS + CR, 4, CR_PER | page << CR_PNB_SHIFT | CR_STRT);
    waitReady();
  }

  @Test
  void readsFlashSizeAndTheFactoryOptionRegister() {
    assertThat(bus.read(0x1FFF_75E0, 2)).isEqualTo(128);
    assertThat(bus.read(REGS + OPTR, 4)).isEqualTo(OPTR_FACTORY);
    assertThat(bus.read(0xE004_2000, 4) & 0xFFF).isEqualTo(0x468);
    assertThat(bus.read(REGS + CR, 4)).isEqualTo(CR_LOCK | CR_OPTLOCK);
  }

  @Test
  void reportsClocksReadyAsSoonAsTheyAreSwitchedOn() {
    // Algorithms that set up their clock first poll HSIRDY, PLLRDY and SWS; plain memory never answers.
    int rcc = 0x4002_1000;
    assertThat(bus.read(rcc, 4) & (1 << 10)).as("HSIRDY after reset").isNotZero();
    bus.write(rcc, 4, bus.read(rcc, 4) | 1 << 24);
    assertThat(bus.read(rcc, 4) & (1 << 25)).as("PLLRDY").isNotZero();
    bus.write(rcc + 8, 4, 3);
    assertThat(bus.read(rcc + 8, 4) & 0xC).as("SWS follows SW").isEqualTo(0xC);
    assertThat(bus.read(0x1FFF_75E0, 4)).isEqualTo(128);
    assertThat(bus.peripheral(0x4002_1000).flatMap(p -> p.registerName(0))).contains("RCC_CR");
  }

  @Test
  void programsDoubleWordsAfterUnlockAndWaitsWhileBusy() {
    unlock();
    bus.write(REGS + CR, 4, CR_PG | CR_EOPIE);
    bus.write(FLASH + 0x800, 4, 0x1111_2222);
    assertThat(sr() & SR_BSY).as("nothing happens before the second word").isZero();
    assertThat(bus.read(FLASH + 0x800, 4)).isEqualTo(-1);
    bus.write(FLASH + 0x804, 4, 0x3333_4444);
    assertThat(sr()).isEqualTo(SR_BSY);
    assertThat(bus.read(REGS + CR, 4) & CR_STRT).isZero();
    assertThat(sr()).isEqualTo(SR_BSY);
    assertThat(sr()).isEqualTo(SR_EOP);
    assertThat(bus.read(FLASH + 0x800, 4)).isEqualTo(0x1111_2222);
    assertThat(bus.read(FLASH + 0x804, 4)).isEqualTo(0x3333_4444);
  }

  @Test
  void erasesThePageNamedByPnbEvenWhenItIsTheWrongOne() {
    unlock();
    for (int page : new int[] {9, 31, 32}) {
      programDoubleWord(FLASH + page * 0x800, 0, 0);
    }
    // The seed bug: asked for page 31, the algorithm computed PNB 9.
    erasePage(9);
    assertThat(bus.read(FLASH + 9 * 0x800, 4)).isEqualTo(-1);
    assertThat(bus.read(FLASH + 31 * 0x800, 4)).isZero();
    assertThat(bus.read(FLASH + 32 * 0x800, 4)).isZero();
    assertThat(sr() & SR_ERRORS).isZero();
  }

  @Test
  void refusesBankTwoAndPagesBeyondTheDevice() {
    unlock();
    programDoubleWord(FLASH, 0, 0);
    bus.write(REGS + CR, 4, CR_PER | CR_BKER | CR_STRT);
    assertThat(sr() & SR_PGSERR).isNotZero();
    bus.write(REGS + SR, 4, -1);
    erasePage(64);
    assertThat(sr() & SR_PGSERR).isNotZero();
    assertThat(bus.read(FLASH, 4)).isZero();
  }

  @Test
  void flagsProgrammingANonErasedDoubleWordButAllowsZeroes() {
    unlock();
    programDoubleWord(FLASH, 0xFFFF_0000, -1);
    programDoubleWord(FLASH, 0x0000_0000, 0x0000_FFFF);
    assertThat(sr() & SR_PROGERR).isNotZero();
    assertThat(bus.read(FLASH, 4)).isEqualTo(0xFFFF_0000);
    bus.write(REGS + SR, 4, SR_PROGERR);
    programDoubleWord(FLASH, 0, 0);
    assertThat(sr() & SR_ERRORS).isZero();
    assertThat(bus.read(FLASH + 4, 4)).isZero();
  }

  @Test
  void flagsSizeAlignmentAndSequenceErrors() {
    unlock();
    bus.write(FLASH, 4, 0);
    assertThat(sr()).isEqualTo(SR_PGSERR);
    bus.write(REGS + SR, 4, -1);
    bus.write(REGS + CR, 4, CR_PG);
    bus.write(FLASH, 2, 0);
    assertThat(sr()).isEqualTo(SR_SIZERR);
    bus.write(REGS + SR, 4, -1);
    bus.write(FLASH + 4, 4, 0);
    assertThat(sr()).isEqualTo(SR_PGAERR);
    // An uncleared error blocks the next operation with PGSERR.
    bus.write(FLASH, 4, 0);
    assertThat(sr() & SR_PGSERR).isNotZero();
    assertThat(bus.read(FLASH, 4)).isEqualTo(-1);
  }

  @Test
  void wrongKeyFaultsAndLocksUntilReset() {
    bus.write(REGS + KEYR, 4, KEY1);
    assertThatThrownBy(() -> bus.write(REGS + KEYR, 4, KEY1))
        .isInstanceOf(BusFault.class).hasMessageContaining("0x40022008");
    assertThatThrownBy(this::unlock).isInstanceOf(BusFault.class);
    assertThat(bus.read(REGS + CR, 4) & CR_LOCK).isNotZero();
    bus.resetPeripherals();
    unlock();
    assertThat(bus.read(REGS + CR, 4) & CR_LOCK).isZero();
  }

  @Test
  void massEraseClearsTheWholeSingleBank() {
    unlock();
    programDoubleWord(FLASH, 0, 0);
    programDoubleWord(FLASH + 0x1FFF8, 0, 0);
    bus.write(REGS + CR, 4, CR_MER1 | CR_STRT);
    waitReady();
    assertThat(bus.read(FLASH, 4)).isEqualTo(-1);
    assertThat(bus.read(FLASH + 0x1FFFC, 4)).isEqualTo(-1);
  }

  @Test
  void dualBankDeviceErasesPagesOfBankTwoWithBker() {
    // STM32G474RE: 512 KiB, dual bank by default, 2 x 128 pages of 2 KiB.
    MemoryBus g474 = device("STM32G474RETx", 0x80000);
    g474.write(REGS + KEYR, 4, KEY1);
    g474.write(REGS + KEYR, 4, KEY2);
    g474.write(REGS + CR, 4, CR_PG);
    g474.write(FLASH + 0x40000, 4, 0);
    g474.write(FLASH + 0x40004, 4, 0);
    g474.write(FLASH + 0x800, 4, 0);
    g474.write(FLASH + 0x804, 4, 0);
    g474.write(REGS + CR, 4, CR_PER | CR_BKER | CR_STRT);
    assertThat(g474.read(FLASH + 0x40000, 4)).isEqualTo(-1);
    assertThat(g474.read(FLASH + 0x800, 4)).isZero();
  }
}
