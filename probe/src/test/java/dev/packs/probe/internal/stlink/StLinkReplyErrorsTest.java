package dev.packs.probe.internal.stlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.probe.ProbeException;
import dev.packs.target.CoreRegister;
import dev.packs.target.MemoryAccessException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Malformed and unexpected answers from the virtual probe (cut short, too long, lost, an error
 * status, WAIT, a firmware too old) give typed errors that name the ST-Link command.
 */
class StLinkReplyErrorsTest {
  private static VirtualStLink nucleo() {
    return new VirtualStLink(VirtualG431.build(), VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE,
        Optional.empty());
  }

  @Test
  void aShortAnswerIsAProtocolErrorNamingTheCommand() {
    VirtualStLink probe = nucleo();
    probe.tamper("GET_VERSION_EXT", r -> Arrays.copyOf(r, 6));
    assertThatThrownBy(probe::attach)
        .isInstanceOfSatisfying(ProbeException.Protocol.class,
            e -> assertThat(e.command()).isEqualTo("GET_VERSION_EXT"))
        .hasMessageContaining("answered 6 bytes, expected 12");
  }

  @Test
  void aLongAnswerOverflowsTheReadOfThatCommand() {
    VirtualStLink probe = nucleo();
    probe.tamper("GET_CURRENT_MODE", r -> new byte[4]);
    assertThatThrownBy(probe::attach).isInstanceOf(ProbeException.Usb.class)
        .hasMessageContaining("GET_CURRENT_MODE").hasMessageContaining("overflow");
  }

  @Test
  void aLostAnswerTimesOutNamingTheCommand() {
    VirtualStLink probe = nucleo();
    probe.tamper("READ_IDCODES", r -> null);
    assertThatThrownBy(probe::attach).isInstanceOf(ProbeException.Timeout.class)
        .hasMessageContaining("READ_IDCODES");
  }

  @Test
  void anErrorStatusNamesTheCommandAndWhatItMeans() {
    // 0x05: nothing answered on SWD, what a probe says when the target is unpowered.
    VirtualStLink probe = nucleo();
    probe.tamper("DEBUG_ENTER_SWD", r -> new byte[] {0x05, 0});
    assertThatThrownBy(probe::attach)
        .isInstanceOfSatisfying(ProbeException.Protocol.class,
            e -> assertThat(e.command()).isEqualTo("DEBUG_ENTER_SWD"))
        .hasMessageContaining("status 0x05").hasMessageContaining("no target answers");
  }

  @Test
  void refusesFirmwareTooOldNamingTheVersionNeeded() {
    // V2J21: has GETLASTRWSTATUS2 and SWD_SET_FREQ but not WRITE_DAP_REG (J24).
    VirtualStLink probe = new VirtualStLink(VirtualG431.build(),
        new VirtualFirmware(2, 21, 4, 0, 0, 0x3748), StLinkMode.MASS_STORAGE, Optional.empty());
    assertThatThrownBy(probe::attach).isInstanceOf(ProbeException.Unsupported.class)
        .hasMessageContaining("GET_VERSION").hasMessageContaining("V2J21S4")
        .hasMessageContaining("V2J24");
  }

  @Test
  void refusesAVersionTheProbeMisreports() {
    VirtualStLink probe = nucleo();
    probe.tamper("GET_VERSION", r -> new byte[] {0x25, 0x00, (byte) 0x83, 0x04, 0x4E, 0x37});
    assertThatThrownBy(probe::attach).isInstanceOf(ProbeException.Unsupported.class)
        .hasMessageContaining("V2J20");
  }

  @Test
  void aRefusedAccessClearsTheStickyErrorSoTheNextAccessWorks() {
    try (StLinkTarget target = nucleo().attach()) {
      assertThatThrownBy(() -> target.read(0x6000_0010L, 8))
          .isInstanceOfSatisfying(MemoryAccessException.class,
              e -> assertThat(e.address()).isEqualTo(0x6000_0010L))
          .hasMessageContaining("READMEM_32").hasMessageContaining("status 0x11");
      target.writeWord(0x2000_0100L, 0x1234_5678);
      assertThat(target.readWord(0x2000_0100L)).isEqualTo(0x1234_5678);
    }
  }

  @Test
  void namesTheFirstRefusedAddressOfALongRead() {
    // RAM ends at 0x20008000: a read from 0x20007FF8 fails two words in.
    try (StLinkTarget target = nucleo().attach()) {
      assertThatThrownBy(() -> target.read(0x2000_7FF8L, 16))
          .isInstanceOfSatisfying(MemoryAccessException.class,
              e -> assertThat(e.address()).isEqualTo(0x2000_8000L));
    }
  }

  @Test
  void retriesWhileTheTargetAnswersWait() {
    VirtualStLink probe = nucleo();
    try (StLinkTarget target = probe.attach()) {
      target.writeWord(0x2000_0200L, 0x0BAD_F00D);
      AtomicInteger waits = new AtomicInteger(2);
      probe.tamper("GETLASTRWSTATUS2", r -> {
        if (waits.getAndDecrement() > 0) {
          r[0] = 0x10; // SWD AP WAIT
        }
        return r;
      });
      assertThat(target.read(0x2000_0200L, 4)).containsExactly(0x0D, 0xF0, 0xAD, 0x0B);
      assertThat(waits.get()).isNegative();
    }
  }

  @Test
  void givesUpOnAnEndlessWaitNamingTheCommand() {
    VirtualStLink probe = nucleo();
    try (StLinkTarget target = probe.attach()) {
      probe.tamper("GETLASTRWSTATUS2", r -> {
        r[0] = 0x14; // SWD DP WAIT
        return r;
      });
      assertThatThrownBy(() -> target.read(0x2000_0200L, 8))
          .isInstanceOf(ProbeException.TransferFailed.class)
          .hasMessageContaining("READMEM_32").hasMessageContaining("0x20000200")
          .hasMessageContaining("after " + StLinkSession.WAIT_RETRIES + " retries");
    }
  }

  @Test
  void aRegisterReadTheCoreRefusesNamesTheRegister() {
    VirtualStLink probe = nucleo();
    try (StLinkTarget target = probe.attach()) {
      probe.tamper("READREG", r -> {
        r[0] = (byte) 0x81;
        return r;
      });
      assertThatThrownBy(() -> target.readRegister(CoreRegister.PC))
          .isInstanceOf(ProbeException.TransferFailed.class)
          .hasMessageContaining("READREG PC").hasMessageContaining("status 0x81");
    }
  }
}
