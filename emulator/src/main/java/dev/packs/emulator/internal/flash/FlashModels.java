package dev.packs.emulator.internal.flash;

import dev.packs.emulator.FlashModel;
import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.RegisterFile;
import java.util.List;
import java.util.Locale;

/** Builds the controller of each {@link FlashModel}, with what its algorithms expect around it. */
public final class FlashModels {
  private FlashModels() {}

  /** The model's controller over {@code array}, for {@code device} (a device name, may be empty). */
  public static InstalledModel install(FlashModel model, FlashArray array, String device,
      int busyPolls) {
    return switch (model) {
      case STM32G4 -> stm32g4(array, device, busyPolls);
      case NRF52 -> nrf52(array, busyPolls);
      case SFC -> new InstalledModel(
          new SimpleFlashController((int) model.base(), array, busyPolls), List.of());
    };
  }

  /** The page size the flash array of an STM32G4 {@code device} has after reset. */
  public static int stm32g4PageSize(String device, int flashSize) {
    return Stm32g4Flash.pageSize(flashSize, dualBankCapable(device), Stm32g4Flash.OPTR_FACTORY);
  }

  private static boolean dualBankCapable(String device) {
    String upper = device.toUpperCase(Locale.ROOT);
    return upper.startsWith("STM32G47") || upper.startsWith("STM32G48");
  }

  private static InstalledModel stm32g4(FlashArray array, String device, int busyPolls) {
    boolean dual = dualBankCapable(device);
    Stm32g4Flash flash = new Stm32g4Flash((int) FlashModel.STM32G4.base(), array, dual,
        Stm32g4Flash.OPTR_FACTORY, busyPolls);
    int devId = dual ? 0x469 : array.size() > 128 * 1024 ? 0x479 : 0x468;
    // Device information in system memory: package, unique ID and FLASHSIZE (in KiB).
    RegisterFile info = RegisterFile.builder("INFO", 0x1FFF_7000, 0x1000)
        .constant(0x500, "PACKAGE", 0)
        .constant(0x590, "UID0", 0x0034_0029)
        .constant(0x594, "UID1", 0x5346_5016)
        .constant(0x598, "UID2", 0x2037_3035)
        .constant(0x5E0, "FLASHSIZE", array.size() / 1024)
        .build();
    RegisterFile dbgmcu = RegisterFile.builder("DBGMCU", 0xE004_2000, 0x400)
        .constant(0x00, "IDCODE", 0x2001_0000 | devId)
        .register(0x04, "CR", 0, 0x7)
        .register(0x08, "APB1FZR1", 0, -1)
        .register(0x0C, "APB1FZR2", 0, -1)
        .register(0x10, "APB2FZR", 0, -1)
        .build();
    RegisterFile iwdg = RegisterFile.builder("IWDG", 0x4000_3000, 0x400)
        .register(0x00, "KR", 0, 0)
        .register(0x04, "PR", 0, 0x7)
        .register(0x08, "RLR", 0xFFF, 0xFFF)
        .constant(0x0C, "SR", 0)
        .register(0x10, "WINR", 0xFFF, 0xFFF)
        .build();
    RegisterFile wwdg = RegisterFile.builder("WWDG", 0x4000_2C00, 0x400)
        .register(0x00, "CR", 0x7F, 0xFF)
        .register(0x04, "CFR", 0x7F, 0x39FF)
        .register(0x08, "SR", 0, 1)
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
    return new InstalledModel(flash, List.of(info, dbgmcu, iwdg, wwdg, new Stm32Rcc(), pwr));
  }

  private static InstalledModel nrf52(FlashArray array, int busyPolls) {
    NordicNvmc nvmc = new NordicNvmc((int) FlashModel.NRF52.base(), array, busyPolls);
    int pageSize = array.sectors().sector(0).size();
    RegisterFile ficr = RegisterFile.builder("FICR", 0x1000_0000, 0x1000)
        .constant(0x010, "CODEPAGESIZE", pageSize)
        .constant(0x014, "CODESIZE", array.size() / pageSize)
        .constant(0x100, "INFO_PART", 0x52832)
        .constant(0x10C, "INFO_RAM", 64)
        .constant(0x110, "INFO_FLASH", array.size() / 1024)
        .build();
    return new InstalledModel(nvmc, List.of(ficr));
  }
}
