package dev.packs.index;

import dev.packs.index.testdata.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Effective devices from real descriptors, with the memory map and algorithms written out. Format:
 * {@code NAME START SIZE ACCESS [default] [startup] [@Pname] <- origin}.
 */
class DeviceResolverTest {

  private static List<String> memories(Device d) {
    return d.memories().stream()
        .map(m -> String.format("%s 0x%08X 0x%08X %s%s%s%s <- %s", m.name(), m.start(), m.size(), m.access(),
            m.isDefault() ? " default" : "", m.startup() ? " startup" : "",
            m.pname().map(p -> " @" + p).orElse(""), m.origin()))
        .toList();
  }

  private static List<String> algorithms(Device d) {
    return d.algorithms().stream()
        .map(a -> String.format("%s 0x%08X 0x%08X%s%s %s%s <- %s", a.path(), a.start(), a.size(),
            a.ramStart().map(r -> String.format(" ram 0x%08X", r)).orElse(""),
            a.ramSize().map(r -> String.format("+0x%X", r)).orElse(""),
            a.style() + (a.isDefault() ? " default" : ""), a.pname().map(p -> " @" + p).orElse(""),
            a.origin()))
        .toList();
  }

  private static List<String> processors(Device d) {
    return d.processors().stream()
        .map(p -> String.format("%s %s %s %s %s %s", p.name().orElse("-"), p.core(), p.fpu(), p.mpu(),
            p.endian(), p.clock().map(String::valueOf).orElse("-")))
        .toList();
  }

  @Test
  void stm32g431kbtxFromTheG4Dfp110() throws Exception {
    // The issue's reference device; legacy IROM1/IRAM1 ids, memory inherited from the subFamily.
    Device d = SharedData.device("Keil.STM32G4xx_DFP.1.1.0.pdsc", "STM32G431KBTx");
    assertThat(d.vendor()).isEqualTo("STMicroelectronics");
    assertThat(d.family()).isEqualTo("STM32G4 Series");
    assertThat(d.subFamily()).contains("STM32G431");
    assertThat(d.pack()).isEqualTo(new Device.PackRef("Keil", "STM32G4xx_DFP", Optional.of(Version.parse("1.1.0"))));
    assertThat(processors(d)).containsExactly("- Cortex-M4 FPU MPU Little-endian 170000000");
    assertThat(memories(d)).containsExactly(
        "IRAM1 0x20000000 0x00008000 rw default <- subFamily STM32G431",
        "IROM1 0x08000000 0x00020000 rx default startup <- device STM32G431KBTx");
    assertThat(algorithms(d)).containsExactly(
        "CMSIS/Flash/STM32G4xx_128.FLM 0x08000000 0x00020000 Keil default <- device STM32G431KBTx");
  }

  @Test
  void stm32l476rgtxFromThePyocdTestDescriptor() throws Exception {
    // name+id on the device merges with the subFamily's id-only IRAM1; family algorithms accumulate.
    Device d = SharedData.device("pyocd-test-Keil.STM32L4xx_DFP.2.5.0.pdsc", "STM32L476RGTx");
    assertThat(processors(d)).containsExactly("- Cortex-M4 SP_FPU MPU Little-endian 80000000");
    assertThat(memories(d)).containsExactly(
        "SRAM 0x20000000 0x00018000 rwx default <- device STM32L476RGTx",
        "IRAM2 0x10000000 0x00008000 rw <- subFamily STM32L476",
        "Main_Flash 0x08000000 0x00100000 rx default startup <- device STM32L476RGTx");
    assertThat(algorithms(d)).hasSize(9).endsWith(
        "CMSIS/Flash/STM32L4xx_DB_OPT.FLM 0x1FFF7800 0x00000014 Keil <- subFamily STM32L476",
        "CMSIS/Flash/STM32L4xx_1024.FLM 0x08000000 0x00100000 Keil default <- device STM32L476RGTx");
    assertThat(algorithms(d).get(0)).isEqualTo(
        "CMSIS/Flash/STM32L4R9I_EVAL.FLM 0x90000000 0x04000000 ram 0x20000000+0xA0000 Keil <- family STM32L4 Series");
  }

  @Test
  void multicoreTst0001GivesOneTargetPerProcessor() throws Exception {
    // pyOCD's multicore test part: two Pnames, debug settings per core.
    Device d = SharedData.device("pyocd-test-Test1.pdsc", "TST0001");
    assertThat(processors(d)).containsExactly(
        "CM4 Cortex-M4 SP_FPU MPU Little-endian 150000000",
        "CM0p Cortex-M0+ NO_FPU MPU Little-endian 100000000");
    assertThat(d.targets()).extracting(Device.Target::pname)
        .containsExactly(Optional.of("CM4"), Optional.of("CM0p"));
    assertThat(d.debugs()).extracting(DeviceNode.Debug::pname, DeviceNode.Debug::apid, DeviceNode.Debug::svd)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Optional.of("CM4"), Optional.of(0L), Optional.of("cm4.svd")),
            org.assertj.core.groups.Tuple.tuple(Optional.of("CM0p"), Optional.of(2L), Optional.of("cm0p.svd")));
    assertThat(memories(d)).containsExactly(
        "bootrom 0x00000000 0x00008000 rx default startup <- device TST0001",
        "iram 0x08000000 0x00100000 rwx default <- device TST0001",
        "dram 0x20000000 0x00040000 rwx default <- device TST0001");
    assertThat(d.algorithms()).isEmpty();
  }

  @Test
  void rp2040DeclaresBothCoresAtTheFamily() throws Exception {
    // Raspberry Pi's dual Cortex-M0+, processors inherited from the family level.
    Device d = SharedData.device("Keil.RP2040_DFP.pdsc", "RP2040");
    assertThat(d.vendor()).isEqualTo("RPi");
    assertThat(processors(d)).containsExactly(
        "Core0 Cortex-M0+ NO_FPU MPU Little-endian 133000000",
        "Core1 Cortex-M0+ NO_FPU MPU Little-endian 133000000");
    assertThat(memories(d)).containsExactly(
        "External_Flash 0x10000000 0x00200000 rx default startup <- device RP2040",
        "SRAM 0x20000000 0x00042000 rwx default <- device RP2040");
    assertThat(algorithms(d)).containsExactly(
        "CMSIS/Flash/Raspberry_Pi_Pico.FLM 0x10000000 0x00200000 ram 0x20040000+0x2000 Keil default <- device RP2040");
    assertThat(d.targets()).hasSize(2);
  }

  @Test
  void memoryAttributesOldIdsImplyAccess() throws Exception {
    // devtools MemoryAttributes: id-only memories; IROM means rx and IRAM means rw.
    Device d = SharedData.device("devtools-TestVendor.MemoryAttributes.pdsc", "TestDeviceOkOldIDs");
    assertThat(d.vendor()).isEqualTo("ARM");
    assertThat(memories(d)).containsExactly(
        "IROM1 0x08000000 0x00010000 rx default startup <- device TestDeviceOkOldIDs",
        "IROM2 0x09000000 0x00010000 rx <- device TestDeviceOkOldIDs",
        "IRAM1 0x10000000 0x00010000 rw default <- device TestDeviceOkOldIDs",
        "IRAM2 0x20000000 0x00010000 rw <- device TestDeviceOkOldIDs");
    assertThat(algorithms(d)).containsExactly("Flash/ARMCMx_512.FLM 0x00000000 0x00040000 Keil default <- family TestFamily");
  }

  @Test
  void memoryAttributesIncompleteMemoriesAreDroppedWithAWarning() throws Exception {
    // TestDeviceNOk4 leaves out start on two memories and access on its flash.
    PackDescriptor pdsc = SharedData.read("devtools-TestVendor.MemoryAttributes.pdsc");
    DeviceResolver.Result r = DeviceResolver.resolve(pdsc);
    Device d = r.devices().stream().filter(x -> x.name().equals("TestDeviceNOk4")).findFirst().orElseThrow();
    assertThat(memories(d)).containsExactly("Flash 0x08000000 0x00080000 r default startup <- device TestDeviceNOk4");
    assertThat(r.warnings()).contains(
        "devtools-TestVendor.MemoryAttributes.pdsc: device 'TestDeviceNOk4': memory 'IRAM1' has no start; ignored");
    Device ok = DeviceResolver.resolve(pdsc, "TestDeviceOk").orElseThrow();
    assertThat(memories(ok)).first().isEqualTo("Flash 0x08000000 0x00080000 rx default startup <- device TestDeviceOk");
  }

  @Test
  void duplicateFlashAlgoIdenticalLowerAlgorithmReplacesTheFamilyOne() throws Exception {
    // TestDevice9 repeats the family's ARMCMx_512 with the same range and adds a second range.
    Device d = SharedData.device("devtools-TestVendor.DuplicateFlashAlgo.pdsc", "TestDevice9");
    assertThat(algorithms(d)).containsExactly(
        "Flash/ARMCMx_512.FLM 0x00000000 0x00040000 Keil default <- device TestDevice9",
        "Flash/ARMCMx_512.FLM 0x00040000 0x00040000 Keil <- device TestDevice9");
  }

  @Test
  void duplicateFlashAlgoKeepsBothDefaultsAndWarns() throws Exception {
    // TestDevice6 adds Pname-specific algorithms over the family default: nothing is silently replaced.
    PackDescriptor pdsc = SharedData.read("devtools-TestVendor.DuplicateFlashAlgo.pdsc");
    DeviceResolver.Result r = DeviceResolver.resolve(pdsc);
    Device d = DeviceResolver.resolve(pdsc, "TestDevice6").orElseThrow();
    assertThat(algorithms(d)).containsExactly(
        "Flash/ARMCMx_512.FLM 0x00000000 0x00040000 Keil default <- family TestFamily",
        "Flash/ARMCMx_Low_256.FLM 0x00000000 0x00040000 Keil default @M7 <- device TestDevice6",
        "Flash/ARMCMx_High_256.FLM 0x00040000 0x00040000 Keil @M7 <- device TestDevice6");
    assertThat(r.warnings()).anyMatch(w -> w.contains("'TestDevice6': default algorithms Flash/ARMCMx_512.FLM and "
        + "Flash/ARMCMx_Low_256.FLM overlap at 0x00000000"));
    assertThat(d.targets().get(0).algorithms()).hasSize(3);
  }

  @Test
  void nxpVariantInheritsEverythingFromItsDevice() throws Exception {
    // NXP K64: the orderable part numbers are variants of MK64FN1M0xxx12.
    Device d = SharedData.device("NXP.MK64F12_DFP.11.0.0.pdsc", "MK64FN1M0VLL12");
    assertThat(d.variantOf()).contains("MK64FN1M0xxx12");
    assertThat(processors(d)).containsExactly("- Cortex-M4 SP_FPU NO_MPU Little-endian 120000000");
    assertThat(memories(d)).containsExactly(
        "FLEX_RAM 0x14000000 0x00001000 rw <- device MK64FN1M0xxx12",
        "PROGRAM_FLASH 0x00000000 0x00100000 rx default startup <- device MK64FN1M0xxx12",
        "SRAM_LOWER 0x1FFF0000 0x00010000 rw <- device MK64FN1M0xxx12",
        "SRAM_UPPER 0x20000000 0x00030000 rw default <- device MK64FN1M0xxx12");
    assertThat(algorithms(d)).containsExactly(
        "arm/MK_P1M0.FLM 0x00000000 0x00100000 ram 0x20000000+0x1000 Keil default <- device MK64FN1M0xxx12");
  }

  @Test
  void nrf52840AccumulatesFamilyAlgorithms() throws Exception {
    // Nordic: lower-case .flm paths and three family-level algorithms, two of them default.
    Device d = SharedData.device("NordicSemiconductor.nRF_DeviceFamilyPack.8.35.0.pdsc", "nRF52840_xxAA");
    assertThat(d.vendor()).isEqualTo("Nordic Semiconductor");
    assertThat(memories(d)).containsExactly(
        "IROM1 0x00000000 0x00100000 rx default startup <- device nRF52840_xxAA",
        "IROM2 0x12000000 0x08000000 rx default <- device nRF52840_xxAA",
        "IRAM1 0x20000000 0x00040000 rw default <- device nRF52840_xxAA",
        "IRAM2 0x00800000 0x00040000 rw default <- device nRF52840_xxAA");
    assertThat(algorithms(d)).containsExactly(
        "Flash/nrf52xxx.flm 0x00000000 0x00200000 ram 0x20000000+0x4000 Keil default <- family nRF52 Series",
        "Flash/nrf52xxx_uicr.flm 0x10001000 0x00001000 ram 0x20000000+0x4000 Keil default <- family nRF52 Series",
        "Flash/nrf52xxx_sde.flm 0x00000000 0x00200000 ram 0x20000000+0x4000 Keil <- family nRF52 Series");
  }

  @Test
  void gd32f303ccReadsLegacyFpuAndMpuFlags() throws Exception {
    // GigaDevice writes Dfpu="1" Dmpu="1" the old way.
    Device d = SharedData.device("GigaDevice.GD32F30x_DFP.2.0.0.pdsc", "GD32F303CC");
    assertThat(processors(d)).containsExactly("- Cortex-M4 FPU MPU Little-endian 120000000");
    assertThat(memories(d)).containsExactly(
        "IROM1 0x08000000 0x00040000 rx default startup <- device GD32F303CC",
        "IRAM1 0x20000000 0x0000C000 rw default <- device GD32F303CC");
    assertThat(algorithms(d)).containsExactly("Flash/GD32F30x_HD.FLM 0x08000000 0x00010000 Keil default <- device GD32F303CC");
  }

  @Test
  void efr32bg22ListsKeilAndIarAlgorithms() throws Exception {
    // Silicon Labs: an IAR-style loader next to the Keil FLM for the same range.
    Device d = SharedData.device("SiliconLabs.GeckoPlatform_EFR32BG22_DFP.4.1.1.pdsc", "EFR32BG22C112F352GM32");
    assertThat(d.vendor()).isEqualTo("Silicon Labs");
    assertThat(processors(d)).containsExactly("- Cortex-M33 FPU MPU Little-endian 38400000");
    assertThat(memories(d)).containsExactly(
        "IROM1 0x00000000 0x00058000 rx default startup <- device EFR32BG22C112F352GM32",
        "IRAM1 0x20000000 0x00008000 rw default <- device EFR32BG22C112F352GM32");
    assertThat(algorithms(d)).containsExactly(
        "Flash/GECKOS2.FLM 0x00000000 0x00058000 ram 0x20000000+0x4000 Keil default <- device EFR32BG22C112F352GM32",
        "Flash/FlashGECKOS2.flash 0x00000000 0x00058000 IAR <- device EFR32BG22C112F352GM32");
  }

  @Test
  void hc32l110c6uaFromHdsc() throws Exception {
    // HDSC: a small Cortex-M0+ vendor pack with Dfpu="0".
    Device d = SharedData.device("HDSC.HC32L110.1.0.3.pdsc", "HC32L110C6UA");
    assertThat(processors(d)).containsExactly("- Cortex-M0+ NO_FPU NO_MPU Little-endian 32000000");
    assertThat(memories(d)).containsExactly(
        "IROM1 0x00000000 0x00008000 rx default startup <- device HC32L110C6UA",
        "IRAM1 0x20000000 0x00001000 rw default <- device HC32L110C6UA");
    assertThat(algorithms(d)).containsExactly("Flash/HC32L110B6_C6.FLM 0x00000000 0x00008000 Keil default <- device HC32L110C6UA");
  }

  @Test
  void lpc55s36VariantWithAnAliasMemoryOnly() throws Exception {
    // pyOCD's overlap test: the algorithm covers an aliased flash window; no IRAM is declared.
    Device d = SharedData.device("pyocd-test-Test2_algo_overlaps_alias.pdsc", "LPC55S36JBD100");
    assertThat(d.pack().version()).isEmpty();
    assertThat(memories(d)).containsExactly("PROGRAM_FLASH_alias 0x10000000 0x0003D800 rw <- device LPC55S36");
    assertThat(algorithms(d)).containsExactly(
        "LPC553XX_S_256.FLM 0x10000000 0x00040000 ram 0x20000000+0x1000 Keil default <- device LPC55S36");
  }

  @Test
  void algorithmFileIsFoundInThePackWithoutRegardToCaseOrSeparator() throws Exception {
    // Nordic writes lower-case .flm; archives often hold .FLM, and old descriptors use backslashes.
    Device d = SharedData.device("NordicSemiconductor.nRF_DeviceFamilyPack.8.35.0.pdsc", "nRF52840_xxAA");
    Device.Algorithm nrf = d.algorithms().get(0);
    assertThat(nrf.findIn(List.of("Flash/nrf52xxx_uicr.flm", "./FLASH/NRF52XXX.FLM"))).contains("./FLASH/NRF52XXX.FLM");
    assertThat(nrf.findIn(List.of("Flash/nrf52xxx.FLM", "Flash/nrf52xxx.flm"))).contains("Flash/nrf52xxx.flm");
    assertThat(nrf.findIn(List.of("Flash\\nrf52xxx.flm"))).contains("Flash\\nrf52xxx.flm");
    assertThat(nrf.findIn(List.of("Flash/nrf51xxx.flm"))).isEmpty();
  }
}
