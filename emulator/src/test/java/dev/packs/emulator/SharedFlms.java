package dev.packs.emulator;

import dev.packs.emulator.FlashSequence.Kind;
import java.util.List;
import java.util.Optional;

/**
 * Every real vendor algorithm in ../shared/data/flm with the device it runs on, the kind of memory
 * it writes, and, for the few that cannot finish in the emulator, the diagnosis they must end with.
 */
final class SharedFlms {
  private SharedFlms() {}

  /** One shared FLM on one device of its descriptor. */
  record Case(String flm, String pdsc, String device, Kind kind, Optional<String> diagnosis) {
    @Override
    public String toString() {
      return flm.substring(flm.indexOf('/') + 1) + " on " + device;
    }
  }

  static final String GD = "pdsc/GigaDevice.";
  static final String F3 = "flm/STM32F3xx_DFP/Keil.STM32F3xx_DFP.3.1.1-dev-tag.pdsc";
  static final String F7 = "flm/STM32F7xx_DFP/Keil.STM32F7xx_DFP.3.1.2-dev-tag.pdsc";
  static final String L5 = "flm/STM32L5xx_DFP/Keil.STM32L5xx_DFP.2.1.1-dev-tag.pdsc";
  static final String U5 = "flm/STM32U5xx_DFP/Keil.STM32U5xx_DFP.3.0.0-dev-tag.pdsc";
  static final String WB = "flm/STM32WBxx_DFP/Keil.STM32WBxx_DFP.2.0.2-dev-tag.pdsc";

  static Case flash(String flm, String pdsc, String device) {
    return new Case(flm, pdsc, device, Kind.FLASH, Optional.empty());
  }

  static Case kind(String flm, String pdsc, String device, Kind kind) {
    return new Case(flm, pdsc, device, kind, Optional.empty());
  }

  static Case failing(String flm, String pdsc, String device, String diagnosis) {
    return new Case(flm, pdsc, device, Kind.FLASH, Optional.of(diagnosis));
  }

  static List<Case> all() {
    return List.of(
        flash("GigaDevice.GD32E10x_DFP.1.0.3/GD32E10x.FLM", GD + "GD32E10x_DFP.1.0.3.pdsc",
            "GD32E103CB"),
        flash("GigaDevice.GD32F1x0_DFP.3.2.0/GD32F1x0_16.FLM", GD + "GD32F1x0_DFP.3.2.0.pdsc",
            "GD32F130C4"),
        flash("GigaDevice.GD32F1x0_DFP.3.2.0/GD32F1x0_32.FLM", GD + "GD32F1x0_DFP.3.2.0.pdsc",
            "GD32F130C6"),
        flash("GigaDevice.GD32F1x0_DFP.3.2.0/GD32F1x0_64.FLM", GD + "GD32F1x0_DFP.3.2.0.pdsc",
            "GD32F130C8"),
        flash("GigaDevice.GD32F20x_DFP.2.1.0/GD32F20x_CL.FLM", GD + "GD32F20x_DFP.2.1.0.pdsc",
            "GD32F205RK"),
        flash("GigaDevice.GD32F30x_DFP.2.0.0/GD32F30x_CL.FLM", GD + "GD32F30x_DFP.2.0.0.pdsc",
            "GD32F305RG"),
        flash("GigaDevice.GD32F30x_DFP.2.0.0/GD32F30x_HD.FLM", GD + "GD32F30x_DFP.2.0.0.pdsc",
            "GD32F303CC"),
        flash("GigaDevice.GD32F30x_DFP.2.0.0/GD32F30x_XD.FLM", GD + "GD32F30x_DFP.2.0.0.pdsc",
            "GD32F303RK"),
        flash("HDSC.HC32F005.1.0.1/HC32F005.FLM", "pdsc/HDSC.HC32F005.1.0.1.pdsc",
            "HC32F005C6UA"),
        flash("HDSC.HC32F030.1.0.1/FlashHC32F030_64K.FLM", "pdsc/HDSC.HC32F030.1.0.1.pdsc",
            "HC32F030J8TA"),
        flash("HDSC.HC32F072.1.1.0/FlashHC32F072_128K.FLM", "pdsc/HDSC.HC32F072.1.1.0.pdsc",
            "HC32F072PATA"),
        flash("HDSC.HC32F120.1.0.2/HC32F120.FLM", "pdsc/HDSC.HC32F120.1.0.2.pdsc",
            "HC32F120F8TA"),
        flash("HDSC.HC32F17X.1.0.1/FlashHC32F17X_128K.FLM", "pdsc/HDSC.HC32F17X.1.0.1.pdsc",
            "HC32F176PATA"),
        flash("HDSC.HC32F19X.1.0.1/FlashHC32F19X_256K.FLM", "pdsc/HDSC.HC32F19X.1.0.1.pdsc",
            "HC32F196PCTA"),
        flash("HDSC.HC32L130.1.0.1/FlashHC32L130_64K.FLM", "pdsc/HDSC.HC32L130.1.0.1.pdsc",
            "HC32L130J8TA"),
        flash("HDSC.HC32L136.1.0.1/FlashHC32L136_64K.FLM", "pdsc/HDSC.HC32L136.1.0.1.pdsc",
            "HC32L136K8TA"),
        flash("HDSC.HC32L17X.1.0.1/FlashHC32L17X_128K.FLM", "pdsc/HDSC.HC32L17X.1.0.1.pdsc",
            "HC32L176PATA"),
        flash("MindMotion.MM32F103x8xB_DFP.1.4.6/MM32F103_128.FLM",
            "pdsc/MindMotion.MM32F103x8xB_DFP.1.4.6.pdsc", "MM32F103RBT"),
        flash("MindMotion.MM32F103x8xB_DFP.1.4.6/MM32F103_64.FLM",
            "pdsc/MindMotion.MM32F103x8xB_DFP.1.4.6.pdsc", "MM32F103R8T"),
        flash("MindMotion.MM32L0xx_DFP.1.1.1/MM32L0xx_128.FLM",
            "pdsc/MindMotion.MM32L0xx_DFP.1.1.1.pdsc", "MM32L072NT"),
        flash("MindMotion.MM32L0xx_DFP.1.1.1/MM32L0xx_32.FLM",
            "pdsc/MindMotion.MM32L0xx_DFP.1.1.1.pdsc", "MM32L050PF"),
        flash("MindMotion.MM32L0xx_DFP.1.1.1/MM32L0xx_64.FLM",
            "pdsc/MindMotion.MM32L0xx_DFP.1.1.1.pdsc", "MM32L061PF"),
        flash("STM32F3xx_DFP/STM32F3xx_256.FLM", F3, "STM32F303VCTx"),
        flash("STM32F3xx_DFP/STM32F3xx_512.FLM", F3, "STM32F303ZETx"),
        flash("STM32F3xx_DFP/STM32F3xx_OPT.FLM", F3, "STM32F303VCTx"),
        flash("STM32F7xx_DFP/STM32F7xTCM_1024.FLM", F7, "STM32F745ZGTx"),
        flash("STM32F7xx_DFP/STM32F7x_1024.FLM", F7, "STM32F746NGHx"),
        flash("STM32F7xx_DFP/STM32F7x_2048dual.FLM", F7, "STM32F767ZITx"),
        flash("STM32F7xx_DFP/STM32F7xx_NOR_Micron.FLM", F7, "STM32F756NGHx"),
        kind("STM32F7xx_DFP/STM32F7xx_OPT.FLM", F7, "STM32F746NGHx", Kind.OPTION_REGISTERS),
        kind("STM32F7xx_DFP/STM32F7xx_OTP.FLM", F7, "STM32F746NGHx", Kind.OTP),
        // The pack gives it RAMstart 0x20010000 and RAMsize 0x1000: 4756 bytes of code do not fit.
        failing("STM32F7xx_DFP/STM32F7xx_QSPI_Disco.FLM", F7, "STM32F746NGHx",
            "does not fit in RAM 0x20010000..0x20011000"),
        flash("STM32L5xx_DFP/STM32L5x_512_0800.FLM", L5, "STM32L552ZETxQ"),
        flash("STM32L5xx_DFP/STM32L5x_512_0C00.FLM", L5, "STM32L552ZETxQ"),
        kind("STM32L5xx_DFP/STM32L5x_OPT.FLM", L5, "STM32L552ZETxQ", Kind.OPTION_REGISTERS),
        // A HAL-based OCTOSPI driver: it configures the power controller first, which has no model.
        failing("STM32U5xx_DFP/MX25LM51245G_STM32U575I-EVAL.FLM", U5, "STM32U575AIIxQ",
            "0x4602083C (PWR, not modelled)"),
        flash("STM32U5xx_DFP/STM32U5Fx_4M_0800.FLM", U5, "STM32U5F9NJHxQ"),
        flash("STM32U5xx_DFP/STM32U5xx_128K_0800.FLM", U5, "STM32U535CBTx"),
        flash("STM32U5xx_DFP/STM32U5xx_2M_0800.FLM", U5, "STM32U575ZITx"),
        flash("STM32U5xx_DFP/STM32U5xx_2M_0C00.FLM", U5, "STM32U575ZITx"),
        flash("STM32WBxx_DFP/STM32WB1x_320_M4.FLM", WB, "STM32WB15CCUx"),
        kind("STM32WBxx_DFP/STM32WB55x_35x_M4_OPT.FLM", WB, "STM32WB55CGUx",
            Kind.OPTION_REGISTERS),
        flash("STM32WBxx_DFP/STM32WB5x_M4_1024.FLM", WB, "STM32WB55CGUx"));
  }

  /** Prints one line per case: passed or the diagnosis. */
  public static void main(String[] args) {
    int passed = 0;
    for (Case c : all()) {
      if (args.length > 0 && !c.flm().contains(args[0])) {
        continue;
      }
      FlashSequence.Outcome o;
      try {
        o = FlashSequence.run(c.flm(), c.pdsc(), c.device(), c.kind());
      } catch (RuntimeException e) {
        o = new FlashSequence.Outcome(false, "EXCEPTION " + e, List.of());
        if (args.length > 0) {
          e.printStackTrace();
        }
      }
      passed += o.passed() ? 1 : 0;
      System.out.printf("%-50s %s%n", c, o.passed() ? "PASS" : "FAIL " + o.detail());
      if (args.length > 0) {
        o.calls().forEach(l -> System.out.println("    " + l));
      }
    }
    System.out.println(passed + " passed");
  }
}
