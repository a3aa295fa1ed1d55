package dev.packs.emulator.internal.flash;

import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.RegisterFile;
import dev.packs.emulator.internal.bus.SectorTable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the controller of each {@link FlashModel}, with what its algorithms expect around it. */
public final class FlashModels {
  private FlashModels() {}

  /** The model's arrays, controller and companion blocks for the device {@code ctx} describes. */
  public static InstalledModel install(FlashModel model, ModelContext ctx) {
    return switch (model) {
      case STM32G4 -> stm32g4(ctx);
      case STM32F1, GD32, MM32 -> Stm32Models.f1(model, ctx);
      case STM32F4 -> Stm32Models.f4(ctx);
      case STM32H7 -> Stm32Models.h7(ctx);
      case STM32L5, STM32U5 -> Stm32Models.l5(model, ctx);
      case STM32WB -> Stm32Models.wb(ctx);
      case STM32L4, STM32G0, STM32WL -> Stm32Models.l4(model, ctx);
      case HC32 -> hc32(ctx);
      case HC32_EFM -> hc32Efm(ctx);
      case NRF52 -> nrf52(ctx);
      case NRF91 -> nrf91(ctx);
      case KINETIS -> kinetis(ctx);
      case SAM_NVMCTRL -> sam(ctx);
      case EFM32 -> efm32(ctx);
      case SFC -> new InstalledModel.Builder().controller(new SimpleFlashController(
          (int) model.base(), first(ctx), ctx.busyPolls())).build();
    };
  }

  /** The first requested region as an array (models that drive whatever flash they are given). */
  private static FlashArray first(ModelContext ctx) {
    if (ctx.regions().isEmpty()) {
      throw new IllegalArgumentException("this flash model needs a flash region");
    }
    return ModelContext.array(ctx.regions().get(0));
  }

  /** The page size the flash array of an STM32G4 {@code device} has after reset. */
  public static int stm32g4PageSize(String device, int flashSize) {
    return Stm32g4Flash.pageSize(flashSize, dualBankCapable(device), Stm32g4Flash.OPTR_FACTORY);
  }

  private static boolean dualBankCapable(String device) {
    String upper = device.toUpperCase(Locale.ROOT);
    return upper.startsWith("STM32G47") || upper.startsWith("STM32G48");
  }

  private static InstalledModel stm32g4(ModelContext ctx) {
    boolean dual = dualBankCapable(ctx.device());
    FlashRegion region = ctx.regions().stream().filter(r -> r.start() == 0x0800_0000L)
        .findFirst().orElse(ctx.regions().isEmpty()
            ? FlashRegion.uniform(0x0800_0000L, 0x20000, 0xFF, 0x800) : ctx.regions().get(0));
    int size = (int) region.size();
    FlashArray array = new FlashArray((int) region.start(), size, region.erasedValue(),
        SectorTable.uniform(size, stm32g4PageSize(ctx.device(), size)));
    Stm32g4Flash flash = new Stm32g4Flash((int) FlashModel.STM32G4.base(), array, dual,
        Stm32g4Flash.OPTR_FACTORY, ctx.busyPolls());
    int devId = dual ? 0x469 : size > 128 * 1024 ? 0x479 : 0x468;
    // Device information in system memory: package, unique ID and FLASHSIZE (in KiB).
    RegisterFile info = RegisterFile.builder("INFO", 0x1FFF_7500, 0x100)
        .constant(0x00, "PACKAGE", 0)
        .constant(0x90, "UID0", 0x0034_0029)
        .constant(0x94, "UID1", 0x5346_5016)
        .constant(0x98, "UID2", 0x2037_3035)
        .constant(0xE0, "FLASHSIZE", size / 1024)
        .build();
    RegisterFile pwr = RegisterFile.builder("PWR", 0x4000_7000, 0x400)
        .register(0x00, "CR1", 0x200, 0x0000_071F)
        .register(0x04, "CR2", 0, 0xFF)
        .register(0x08, "CR3", 0x8000, 0x0000_8507)
        .register(0x0C, "CR4", 0, 0x0000_0307)
        .constant(0x10, "SR1", 0)
        .constant(0x14, "SR2", 0)
        .register(0x80, "CR5", 0x100, 0x100)
        .build();
    return new InstalledModel.Builder()
        .controller(flash)
        .peripheral(info, Blocks.dbgmcu(0xE004_2000, 0x2001_0000 | devId),
            Blocks.iwdg(0x4000_3000), Blocks.wwdg(0x4000_2C00), Blocks.rccL4(0x4002_1000), pwr)
        .atlas(Atlas.stm32g4())
        .build();
  }

  /** HC32F0/F1/L1: FLASH at 0x40020000, SYSCTRL at 0x40002000, trim words at 0x00100C00. */
  private static InstalledModel hc32(ModelContext ctx) {
    long size = ctx.sizeAt(0).orElse(64L * 1024);
    FlashArray main = ctx.array(0, size, 0xFF, 512);
    ClockControl sysctrl = new ClockControl("SYSCTRL", 0x4000_2000, 0x400,
        Map.of(0x00, "SYSCTRL0", 0x04, "SYSCTRL1", 0x08, "SYSCTRL2", 0x0C, "RCH_CR",
            0x10, "XTH_CR", 0x14, "RCL_CR", 0x18, "XTL_CR", 0x1C, "PLL_CR",
            0x20, "PERI_CLKEN", 0x24, "PERI_CLKEN1"),
        Map.of(0x00, 1, 0x0C, 0x126),
        List.of(), List.of(),
        Map.of(0x0C, 1 << 11, 0x10, 1 << 6, 0x14, 1 << 12, 0x18, 1 << 6, 0x1C, 1 << 18));
    RegisterFile.Builder trim = RegisterFile.builder("TRIM", 0x0010_0C00, 0x100);
    for (int i = 0; i < 0x40; i += 4) {
      trim.constant(i, "TRIM" + i / 4, 0x0126_0126);
    }
    return new InstalledModel.Builder()
        .controller(new Hc32Flash(Hc32Flash.DEFAULT_BASE, main, ctx.busyPolls()))
        .peripheral(sysctrl, trim.build())
        .atlas(Atlas.hc32())
        .build();
  }

  /** HC32F120/M120: the EFM at 0x40000800 and the software watchdog at 0x4000CC00. */
  private static InstalledModel hc32Efm(ModelContext ctx) {
    long size = ctx.sizeAt(0).orElse(64L * 1024);
    FlashArray main = ctx.array(0, size, 0xFF, 512);
    RegisterFile swdt = RegisterFile.builder("SWDT", 0x4000_CC00, 0x400)
        .constant(0x04, "SR", 0)
        .register(0x08, "RR", 0, 0xFFFF)
        .build();
    return new InstalledModel.Builder()
        .controller(new Hc32EfmFlash(Hc32EfmFlash.DEFAULT_BASE, main, ctx.busyPolls()))
        .peripheral(swdt)
        .build();
  }

  /**
   * Kinetis: the FTFx at 0x40020000 over the program flash at 0 (FTFE with 8-byte phrases on the
   * K6x/K8x/K28, else FTFA/FTFL with longwords), the watchdog algorithms unlock and the SIM.
   */
  private static InstalledModel kinetis(ModelContext ctx) {
    String device = ctx.upperDevice();
    boolean ftfe = device.startsWith("MK6") || device.startsWith("MK8")
        || device.startsWith("MK28");
    long size = ctx.sizeAt(0).orElse(ftfe ? 1024L * 1024 : 128L * 1024);
    FlashArray array = ctx.array(0, size, 0xFF, ftfe ? 4096 : 1024);
    RegisterFile wdog = RegisterFile.builder("WDOG", 0x4005_2000, 0x1000)
        .register(0x00, "STCTRLH_L", 0x01D3, -1)
        .register(0x04, "TOVALH_L", 0x004C_01D3, -1)
        .register(0x08, "WINH_L", 0, -1)
        .register(0x0C, "REFRESH_UNLOCK", 0xD928_B480, -1)
        .build();
    RegisterFile sim = RegisterFile.builder("SIM", 0x4004_7000, 0x2000)
        .register(0x0000, "SOPT1", 0, -1)
        .register(0x1004, "SOPT2", 0, -1)
        .constant(0x1024, "SDID", ftfe ? 0x0000_0340 : 0x2510_0280)
        .register(0x1034, "SCGC5", 0x0004_0182, -1)
        .register(0x1038, "SCGC6", 0x4000_0001, -1)
        .register(0x1044, "CLKDIV1", 0, -1)
        .register(0x1100, "COPC", 0x0C, -1)
        .build();
    return new InstalledModel.Builder()
        .controller(new KinetisFtfx(KinetisFtfx.DEFAULT_BASE, array, ftfe ? 8 : 4,
            ctx.busyPolls()))
        .peripheral(wdog, sim)
        .build();
  }

  /** SAM D/L/C: NVMCTRL at 0x41004000 over the flash at 0, 64-byte pages in rows of four. */
  private static InstalledModel sam(ModelContext ctx) {
    long size = ctx.sizeAt(0).orElse(256L * 1024);
    FlashArray array = ctx.array(0, size, 0xFF, 256);
    RegisterFile pm = RegisterFile.builder("PM", 0x4000_0400, 0x400)
        .register(0x14, "AHBMASK", 0x7F, -1)
        .register(0x18, "APBAMASK", 0x7F, -1)
        .register(0x1C, "APBBMASK", 0x7F, -1)
        .register(0x20, "APBCMASK", 0x0001_0000, -1)
        .build();
    RegisterFile dsu = RegisterFile.builder("DSU", 0x4100_2000, 0x2000)
        .constant(0x18, "DID", 0x1001_0005)
        .build();
    return new InstalledModel.Builder()
        .controller(new SamNvmctrl(SamNvmctrl.DEFAULT_BASE, array, 64, ctx.busyPolls()))
        .peripheral(pm, dsu)
        .build();
  }

  /**
   * EFM32/EFR32: Series 2 parts (EFR32xG2x, the ones named ...G2...) have the MSC at 0x40030000 with
   * 8 KiB pages, Series 1 at 0x400E0000 with 2 KiB pages; both erase to 0xFF.
   */
  private static InstalledModel efm32(ModelContext ctx) {
    boolean series2 = ctx.upperDevice().matches("(EFR32|EFM32|BGM|MGM)[A-Z]*2.*");
    long size = ctx.sizeAt(0).orElse(512L * 1024);
    FlashArray array = ctx.array(0, size, 0xFF, series2 ? 8192 : 2048);
    RegisterFile cmu = series2
        ? RegisterFile.builder("CMU", 0x4000_8000, 0x4000)
            .register(0x064, "CLKEN0", 0, -1)
            .register(0x068, "CLKEN1", 0, -1)
            .register(0x1064, "CLKEN0_SET", 0, -1)
            .register(0x1068, "CLKEN1_SET", 0, -1)
            .build()
        : RegisterFile.builder("CMU", 0x400E_4000, 0x400)
            .register(0x0B0, "HFBUSCLKEN0", 0, -1)
            .build();
    return new InstalledModel.Builder()
        .controller(new EfmMsc(series2 ? 0x4003_0000 : 0x400E_0000, array,
            series2 ? EfmMsc.SERIES2 : EfmMsc.SERIES1, ctx.busyPolls()))
        .peripheral(cmu)
        .build();
  }

  /** nRF53/nRF91: the NVMC at 0x50039000 (and its non-secure alias 0x40039000), FICR at 0x00FF0000. */
  private static InstalledModel nrf91(ModelContext ctx) {
    long size = ctx.sizeAt(0).orElse(1024L * 1024);
    FlashArray array = ctx.array(0, size, 0xFF, 4096);
    NordicNvmc nvmc = new NordicNvmc((int) FlashModel.NRF91.base(), array, true,
        ctx.busyPolls());
    boolean nrf53 = ctx.upperDevice().startsWith("NRF53");
    RegisterFile ficr = RegisterFile.builder("FICR", 0x00FF_0000, 0x1000)
        .constant(0x140, "INFO_PART", nrf53 ? 0x5340 : 0x9160)
        .constant(0x220, "CODEPAGESIZE", 4096)
        .constant(0x224, "CODESIZE", (int) (size / 4096))
        .build();
    return new InstalledModel.Builder().controller(nvmc).peripheral(ficr).build();
  }

  private static InstalledModel nrf52(ModelContext ctx) {
    FlashArray array = first(ctx);
    NordicNvmc nvmc = new NordicNvmc((int) FlashModel.NRF52.base(), array, ctx.busyPolls());
    int pageSize = array.sectors().sector(0).size();
    RegisterFile ficr = RegisterFile.builder("FICR", 0x1000_0000, 0x1000)
        .constant(0x010, "CODEPAGESIZE", pageSize)
        .constant(0x014, "CODESIZE", array.size() / pageSize)
        .constant(0x100, "INFO_PART",
            ctx.upperDevice().startsWith("NRF51") ? 0x51822 : 0x52832)
        .constant(0x10C, "INFO_RAM", 64)
        .constant(0x110, "INFO_FLASH", array.size() / 1024)
        .build();
    return new InstalledModel.Builder().controller(nvmc).peripheral(ficr).build();
  }
}
