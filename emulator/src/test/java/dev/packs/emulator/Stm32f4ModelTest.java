package dev.packs.emulator;

import static dev.packs.emulator.VendorAlgorithm.erased;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The STM32F2/F4/F7 sector controller driven by ST's STM32F7 algorithms: dual-bank sector
 * numbering, the ITCM alias, OTP that programs once and never erases, and OPTCR option registers
 * checked by the algorithm's own Verify.
 */
class Stm32f4ModelTest {
  private static final long FLASH = 0x0800_0000L;

  @Test
  void dualBankAlgorithmErasesTheSectorItNamesInBankTwo() {
    // STM32F767ZI in dual-bank mode: 2 x 1 MiB, each 4 x 16 KiB, 64 KiB, 7 x 128 KiB.
    VendorAlgorithm a = VendorAlgorithm.on("STM32F7xx_DFP/STM32F7x_2048dual.FLM", SharedFlms.F7,
        "STM32F767ZITx");
    int page = a.pageSize();
    long bank2 = FLASH + 0x10_0000;
    assertThat(a.init(2).succeeded()).isTrue();
    for (long at : new long[] {FLASH, FLASH + 0x4000, bank2, bank2 + 0x4000}) {
      assertThat(a.programPage(at, VendorAlgorithm.pattern(at, page)).result()).isZero();
    }
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(bank2).result()).isZero();
    assertThat(a.registersWritten()).contains("FLASH_CR");
    assertThat(a.emulator.read(bank2, 0x4000)).isEqualTo(erased(0x4000));
    assertThat(a.emulator.read(bank2 + 0x4000, page))
        .isEqualTo(VendorAlgorithm.pattern(bank2 + 0x4000, page));
    assertThat(a.emulator.read(FLASH, page)).isEqualTo(VendorAlgorithm.pattern(FLASH, page));
  }

  @Test
  void tcmAlgorithmProgramsTheFlashThroughTheItcmAlias() {
    // The ITCM interface at 0x00200000 and the AXI one at 0x08000000 show the same cells.
    VendorAlgorithm a = VendorAlgorithm.on("STM32F7xx_DFP/STM32F7xTCM_1024.FLM", SharedFlms.F7,
        "STM32F745ZGTx");
    int page = a.pageSize();
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(0x0020_8000L, VendorAlgorithm.pattern(0x0020_8000L, page)).result())
        .isZero();
    assertThat(a.emulator.read(FLASH + 0x8000, page))
        .isEqualTo(VendorAlgorithm.pattern(0x0020_8000L, page));
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(0x0020_8000L).result()).isZero();
    assertThat(a.emulator.read(0x0020_8000L, 0x8000)).isEqualTo(erased(0x8000));
  }

  @Test
  void otpProgramsOnceAndNeverErases() {
    VendorAlgorithm a = VendorAlgorithm.on("STM32F7xx_DFP/STM32F7xx_OTP.FLM", SharedFlms.F7,
        "STM32F746NGHx");
    long otp = 0x1FF0_F000L;
    byte[] block = VendorAlgorithm.pattern(otp, 64);
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(otp, block).result()).isZero();
    // Programming the same block with other data needs bits set back to 1: PGSERR.
    assertThat(a.programPage(otp, VendorAlgorithm.pattern(otp + 1, 64)).result()).isEqualTo(1);
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(otp).result()).isZero();
    assertThat(a.emulator.read(otp, 64)).isEqualTo(block);
  }

  @Test
  void optionAlgorithmWritesOptcrAndItsVerifyAgrees() {
    VendorAlgorithm a = VendorAlgorithm.on("STM32F7xx_DFP/STM32F7xx_OPT.FLM", SharedFlms.F7,
        "STM32F746NGHx");
    // OPTCR with RDP level 0 and nWRP all set, OPTCR1 with other boot addresses.
    byte[] options = {(byte) 0xFC, (byte) 0xAA, (byte) 0xFF, (byte) 0xC0, 0x40, 0x00, (byte) 0x80,
        0x00};
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(0x1FFF_0000L, options).result()).isZero();
    assertThat(a.registersWritten()).containsSubsequence("FLASH_OPTCR1", "FLASH_OPTCR");
    assertThat(a.emulator.readWord(0x4002_3C18L)).isEqualTo(0x0080_0040);
    assertThat(a.verify(0x1FFF_0000L, options).orElseThrow().result()).isEqualTo(0x1FFF_0008L);
  }
}
