package dev.packs.target.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.target.CoreRegister;
import dev.packs.target.Halt;
import dev.packs.target.MemoryAccessException;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import dev.packs.target.Target;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Target} must do, written once: the emulator runs it always, a probe under the
 * {@code hardware} tag. Subclasses give a fresh halted target, 1 KiB of RAM that may hold code, and
 * an address where nothing is mapped. The programs are 16-bit Thumb code that every Cortex-M runs.
 *
 * <p>It lives in its own package because the test-jar is on the class path of modular projects,
 * where a class in {@code dev.packs.target} itself would be hidden by the named module.
 */
public abstract class TargetContractTest {
  private static final short MOVS_R0_42 = 0x202A;
  private static final short BKPT_0 = (short) 0xBE00;
  private static final short B_SELF = (short) 0xE7FE;
  private static final short ADDS_R0_R0_R1 = 0x1840;
  private static final short BX_LR = 0x4770;
  private static final int XPSR_THUMB = 0x0100_0000;

  protected Target target;
  protected long ram;

  /** A fresh, halted target. */
  protected abstract Target newTarget();

  /** The start of 1 KiB of RAM the tests may overwrite and execute. */
  protected abstract long scratchRam();

  /** An address where no memory is mapped. */
  protected abstract long unmappedAddress();

  @BeforeEach
  void connect() {
    target = newTarget();
    ram = scratchRam();
  }

  private void load(long address, short... halfwords) {
    byte[] code = new byte[halfwords.length * 2];
    for (int i = 0; i < halfwords.length; i++) {
      code[2 * i] = (byte) halfwords[i];
      code[2 * i + 1] = (byte) (halfwords[i] >> 8);
    }
    target.write(address, code);
  }

  private void startAt(long address) {
    target.writeRegister(CoreRegister.PC, (int) address);
    target.writeRegister(CoreRegister.XPSR, XPSR_THUMB);
    target.writeRegister(CoreRegister.SP, (int) (ram + 0x400));
  }

  @Test
  void readsBackWrittenBytesAtAnyAlignment() {
    byte[] data = {1, 2, 3, 4, 5, 6, 7, (byte) 0xFF, 9};
    target.write(ram + 3, data);
    assertThat(target.read(ram + 3, data.length)).containsExactly(data);
    assertThat(target.read(ram + 5, 2)).containsExactly(3, 4);
  }

  @Test
  void storesWordsLittleEndian() {
    target.writeWord(ram + 8, 0x1122_3344);
    assertThat(target.read(ram + 8, 4)).containsExactly(0x44, 0x33, 0x22, 0x11);
    target.write(ram + 12, new byte[] {(byte) 0xEF, (byte) 0xBE, (byte) 0xAD, (byte) 0xDE});
    assertThat(target.readWord(ram + 12)).isEqualTo(0xDEAD_BEEF);
  }

  @Test
  void keepsWhatIsWrittenToCoreRegisters() {
    for (int n = 0; n <= 12; n++) {
      target.writeRegister(CoreRegister.general(n), 0x1000_0001 * (n + 1));
    }
    target.writeRegister(CoreRegister.LR, 0x2000_0101);
    target.writeRegister(CoreRegister.SP, (int) (ram + 0x3F8));
    target.writeRegister(CoreRegister.PC, (int) (ram + 0x10));
    for (int n = 0; n <= 12; n++) {
      assertThat(target.readRegister(CoreRegister.general(n))).isEqualTo(0x1000_0001 * (n + 1));
    }
    assertThat(target.readRegister(CoreRegister.LR)).isEqualTo(0x2000_0101);
    assertThat(target.readRegister(CoreRegister.SP)).isEqualTo((int) (ram + 0x3F8));
    assertThat(target.readRegister(CoreRegister.PC)).isEqualTo((int) (ram + 0x10));
  }

  @Test
  void runsUntilABreakpoint() {
    load(ram, MOVS_R0_42, BKPT_0);
    startAt(ram);
    Halt halt = target.run(RunLimit.of(1000, Duration.ofSeconds(5)));
    assertThat(halt.reason()).isEqualTo(StopReason.BREAKPOINT);
    assertThat(halt.pc()).isEqualTo(ram + 2);
    assertThat(halt.fault()).isEmpty();
    assertThat(target.readRegister(CoreRegister.R0)).isEqualTo(42);
  }

  @Test
  void returnsThroughLinkRegisterToATrampoline() {
    // The flash engine's calling convention: LR points at a BKPT, arguments in r0 and r1.
    load(ram, BKPT_0, B_SELF, ADDS_R0_R0_R1, BX_LR);
    startAt(ram + 4);
    target.writeRegister(CoreRegister.LR, (int) ram | 1);
    target.writeRegister(CoreRegister.R0, 40);
    target.writeRegister(CoreRegister.R1, 2);
    Halt halt = target.run(RunLimit.of(1000, Duration.ofSeconds(5)));
    assertThat(halt.reason()).isEqualTo(StopReason.BREAKPOINT);
    assertThat(halt.pc()).isEqualTo(ram);
    assertThat(target.readRegister(CoreRegister.R0)).isEqualTo(42);
  }

  @Test
  void stopsWhenTheLimitRunsOut() {
    load(ram, B_SELF);
    startAt(ram);
    Halt halt = target.run(RunLimit.of(10_000, Duration.ofMillis(300)));
    assertThat(halt.reason()).isEqualTo(StopReason.LIMIT);
    assertThat(halt.pc()).isEqualTo(ram);
  }

  @Test
  void haltStopsARunningCoreFromAnotherThread() throws Exception {
    load(ram, B_SELF);
    startAt(ram);
    CompletableFuture<Halt> running =
        CompletableFuture.supplyAsync(() -> target.run(RunLimit.time(Duration.ofSeconds(20))));
    Thread.sleep(100);
    target.halt();
    Halt halt = running.get(10, TimeUnit.SECONDS);
    assertThat(halt.reason()).isEqualTo(StopReason.HALTED);
    assertThat(halt.pc()).isEqualTo(ram);
  }

  @Test
  void refusesAccessToUnmappedMemoryNamingTheAddress() {
    long nowhere = unmappedAddress();
    assertThatThrownBy(() -> target.read(nowhere, 4))
        .isInstanceOfSatisfying(MemoryAccessException.class, e -> {
          assertThat(e.address()).isEqualTo(nowhere);
          assertThat(e.isWrite()).isFalse();
        })
        .hasMessageContaining(String.format("0x%08X", nowhere));
    assertThatThrownBy(() -> target.writeWord(nowhere, 0))
        .isInstanceOfSatisfying(MemoryAccessException.class, e -> assertThat(e.isWrite()).isTrue());
  }
}
