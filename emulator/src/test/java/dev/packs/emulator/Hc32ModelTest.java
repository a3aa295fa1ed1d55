package dev.packs.emulator;

import static dev.packs.emulator.VendorAlgorithm.erased;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The two HDSC controllers driven by HDSC's own algorithms: the BYPASS-protected FLASH block with
 * CR.OP modes and SLOCK sector locks (HC32F19x), and the HC32F120's EFM with its Verify.
 */
class Hc32ModelTest {
  @Test
  void hc32f19xAlgorithmProgramsErasesAndIsLockedOutAfterUnInit() {
    // HC32F196PC: 256 KiB of 512-byte sectors; UnInit clears SLOCK0..3, locking everything again.
    VendorAlgorithm a = VendorAlgorithm.on("HDSC.HC32F19X.1.0.1/FlashHC32F19X_256K.FLM",
        "pdsc/HDSC.HC32F19X.1.0.1.pdsc", "HC32F196PCTA");
    int page = a.pageSize();
    long high = 0x3_FE00L;
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(0, VendorAlgorithm.pattern(0, page)).result()).isZero();
    assertThat(a.programPage(high, VendorAlgorithm.pattern(high, page)).result()).isZero();
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(a.emulator.read(high, page)).isEqualTo(VendorAlgorithm.pattern(high, page));
    // Locked: the erase runs and returns, but the sector stays as it was.
    assertThat(a.eraseSector(high).result()).isZero();
    assertThat(a.emulator.read(high, page)).isEqualTo(VendorAlgorithm.pattern(high, page));
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(high).result()).isZero();
    assertThat(a.emulator.read(high, page)).isEqualTo(erased(page));
    assertThat(a.call("EraseChip", a.placed.entryPoints().eraseChip().getAsLong()).result())
        .isZero();
    assertThat(a.emulator.read(0, page)).isEqualTo(erased(page));
  }

  @Test
  void hc32f120AlgorithmProgramsThroughTheEfmAndItsVerifyAgrees() {
    VendorAlgorithm a = VendorAlgorithm.on("HDSC.HC32F120.1.0.2/HC32F120.FLM",
        "pdsc/HDSC.HC32F120.1.0.2.pdsc", "HC32F120F8TA");
    int page = a.pageSize();
    long at = 0x8000L;
    byte[] data = VendorAlgorithm.pattern(at, page);
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(at, data).result()).isZero();
    assertThat(a.registersWritten()).contains("EFM_FWMC");
    assertThat(a.verify(at, data).orElseThrow().result()).isEqualTo(at + page);
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(at).result()).isZero();
    assertThat(a.emulator.read(at, 512)).isEqualTo(erased(512));
  }
}
