package dev.packs.probe.internal.stlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.probe.ProbeException;
import org.junit.jupiter.api.Test;

class StLinkVersionTest {
  @Test
  void decodesAV2AnswerWithItsSwimVersion() {
    // V2 J37 S7 on 0483:3748: (2 << 12 | 37 << 6 | 7) = 0x2947, big-endian, then LE VID and PID.
    StLinkVersion v = StLinkVersion.fromGetVersion(
        new byte[] {0x29, 0x47, (byte) 0x83, 0x04, 0x48, 0x37});
    assertThat(v).isEqualTo(new StLinkVersion(2, 37, 7, 0, 0, 0x0483, 0x3748));
    assertThat(v).hasToString("V2J37S7");
  }

  @Test
  void decodesAV21AnswerWithItsMassStorageVersion() {
    // V2J28M18 on 0483:374B: 2 << 12 | 28 << 6 | 18 = 0x2712.
    StLinkVersion v = StLinkVersion.fromGetVersion(
        new byte[] {0x27, 0x12, (byte) 0x83, 0x04, 0x4B, 0x37});
    assertThat(v).hasToString("V2J28M18");
    assertThat(v.needsInitAp()).isTrue();
  }

  @Test
  void decodesTheV3ExtendedVersion() {
    StLinkVersion v = StLinkVersion.fromGetVersionExt(
        new byte[] {3, 0, 7, 3, 1, 0, 0, 0, (byte) 0x83, 0x04, 0x54, 0x37});
    assertThat(v).isEqualTo(new StLinkVersion(3, 7, 0, 3, 1, 0x0483, 0x3754));
    assertThat(v).hasToString("V3J7M3B1");
  }

  @Test
  void allowsLongByteTransfersOnlyOnV3FromJ6() {
    assertThat(new StLinkVersion(3, 2, 0, 1, 0, 0x483, 0x374E).maxTransfer8()).isEqualTo(64);
    assertThat(new StLinkVersion(3, 6, 0, 1, 0, 0x483, 0x374E).maxTransfer8()).isEqualTo(512);
    assertThat(new StLinkVersion(2, 45, 7, 0, 0, 0x483, 0x3748).maxTransfer8()).isEqualTo(64);
  }

  @Test
  void refusesV2FirmwareBeforeJ24SayingWhichAndWhy() {
    assertThatThrownBy(() -> new StLinkVersion(2, 23, 7, 0, 0, 0x483, 0x3748).requireSupported())
        .isInstanceOf(ProbeException.Unsupported.class)
        .hasMessageContaining("V2J23S7").hasMessageContaining("V2J24")
        .hasMessageContaining("WRITE_DAP_REG");
    new StLinkVersion(2, 24, 7, 0, 0, 0x483, 0x3748).requireSupported();
    new StLinkVersion(3, 1, 0, 1, 0, 0x483, 0x374E).requireSupported();
  }

  @Test
  void refusesTheV1() {
    assertThatThrownBy(() -> new StLinkVersion(1, 13, 0, 0, 0, 0x483, 0x3744).requireSupported())
        .isInstanceOf(ProbeException.Unsupported.class).hasMessageContaining("ST-Link/V1");
  }
}
