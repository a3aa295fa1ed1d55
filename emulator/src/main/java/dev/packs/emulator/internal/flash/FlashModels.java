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
      case STM32L5, STM32U5 -> Stm32Models.l5(model, ctx);
      case STM32WB -> Stm32Models.wb(ctx);
      case STM32L4, STM32G0, STM32WL -> Stm32Models.l4(model, ctx);
      case HC32 -> hc32(ctx);
      case HC32_EFM -> hc32Efm(ctx);
      case NRF52 -> nrf52(ctx);
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

  private static InstalledModel nrf52(ModelContext ctx) {
    FlashArray array = first(ctx);
    NordicNvmc nvmc = new NordicNvmc((int) FlashModel.NRF52.base(), array, ctx.busyPolls());
    int pageSize = array.sectors().sector(0).size();
    RegisterFile ficr = RegisterFile.builder("FICR", 0x1000_0000, 0x1000)
        .constant(0x010, "CODEPAGESIZE", pageSize)
        .constant(0x014, "CODESIZE", array.size() / pageSize)
        .constant(0x100, "INFO_PART", 0x52832)
        .constant(0x10C, "INFO_RAM", 64)
        .constant(0x110, "INFO_FLASH", array.size() / 1024)
        .build();
    return new InstalledModel.Builder().controller(nvmc).peripheral(ficr).build();
  }
}
