package dev.packs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.target.CoreRegister;
import dev.packs.target.Halt;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When a call cannot finish, the emulator says why in terms a user can act on: the register or
 * address a hang polls (RAM only an interrupt would change, a flash word no model answers), the
 * unmodelled peripheral a fault touched.
 */
class DiagnosisTest {
  private static final long RAM = 0x2000_0000L;
  // loop: ldr r1, [r0]; cmp r1, #0; bne loop; bkpt
  private static final byte[] POLL = {0x01, 0x68, 0x00, 0x29, (byte) 0xFC, (byte) 0xD1, 0x00,
      (byte) 0xBE};

  private static Halt poll(Emulator e, long address) {
    e.write(RAM, POLL);
    e.writeRegister(CoreRegister.PC, (int) RAM);
    e.writeRegister(CoreRegister.XPSR, 0x0100_0000);
    e.writeRegister(CoreRegister.SP, (int) (RAM + 0x1000));
    e.writeRegister(CoreRegister.R0, (int) address);
    return e.run(RunLimit.of(100_000, Duration.ofSeconds(10)));
  }

  @Test
  void namesAFlashWordThatAPollWaitsOnForEver() {
    // An external flash with no model: a status poll on the array reads erased cells for ever.
    Emulator e = Emulator.builder().ram(new RamRegion(RAM, 0x1000))
        .flash(FlashRegion.uniform(0x9000_0000L, 0x10000, 0xFF, 0x1000)).build();
    Halt halt = poll(e, 0x9000_0100L);
    assertThat(halt.reason()).isEqualTo(StopReason.LIMIT);
    assertThat(halt.instructions()).isEqualTo(100_000);
    assertThat(e.polledAddress()).hasValue(0x9000_0100L);
    assertThat(e.explain(halt)).hasValueSatisfying(s -> assertThat(s)
        .contains("kept reading the flash at 0x90000100"));
  }

  @Test
  void blamesTheMissingInterruptWhenAPollWaitsOnRam() {
    // HAL_Delay-style: a tick counter in RAM that only SysTick's handler would advance.
    Emulator e = Emulator.builder().ram(new RamRegion(RAM, 0x1000)).build();
    e.writeWord(RAM + 0x100, 1);
    Halt halt = poll(e, RAM + 0x100);
    assertThat(e.explain(halt)).hasValueSatisfying(s -> assertThat(s)
        .contains("RAM at 0x20000100").contains("interrupt"));
  }

  @Test
  void namesTheUnmodelledPeripheralAFaultTouched() {
    // The STM32F7's QUADSPI has no model: the fault says what lives at the address.
    Emulator e = Emulator.builder().model(FlashModel.STM32F4).device("STM32F746NGHx")
        .ram(new RamRegion(RAM, 0x1000)).build();
    Halt halt = poll(e, 0xA000_1008L);
    assertThat(halt.reason()).isEqualTo(StopReason.FAULT);
    assertThat(halt.fault().orElseThrow().detail()).contains("QUADSPI, not modelled");
    assertThat(e.explain(halt)).hasValueSatisfying(s -> assertThat(s)
        .contains("bus error at 0xA0001008").contains("QUADSPI, not modelled"));
  }

  @Test
  void namesTheRegisterAHungLoopPolls() {
    Emulator e = Emulator.builder().model(FlashModel.STM32F4).device("STM32F746NGHx")
        .ram(new RamRegion(RAM, 0x1000)).build();
    // FLASH_OPTCR reads non-zero for ever: the loop waits for zero.
    Halt halt = poll(e, 0x4002_3C14L);
    assertThat(e.explain(halt)).hasValueSatisfying(s -> assertThat(s)
        .contains("kept polling FLASH_OPTCR (0x40023C14)"));
  }
}
