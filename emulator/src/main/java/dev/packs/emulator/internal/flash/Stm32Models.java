package dev.packs.emulator.internal.flash;

import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.RegisterFile;
import dev.packs.emulator.internal.bus.SectorTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs the STM32-style models (and the F1 clones): where each family keeps its flash, option
 * bytes, OTP and ID registers, and which clock and watchdog blocks come with it.
 */
final class Stm32Models {
  private static final int FLASH = 0x0800_0000;
  private static final int KIB = 1024;

  private Stm32Models() {}

  /** STM32F0/F1/F3, GD32 and MM32: the F1 controller at 0x40022000, option bytes at 0x1FFFF800. */
  static InstalledModel f1(FlashModel model, ModelContext ctx) {
    String device = ctx.upperDevice();
    long size = ctx.sizeAt(FLASH).orElse(64L * KIB);
    boolean f0f3 = model == FlashModel.STM32F1
        && (device.startsWith("STM32F0") || device.startsWith("STM32F3"));
    int page = f0f3 || size > 128 * KIB ? 2 * KIB : KIB;
    FlashArray main = ctx.array(FLASH, size, 0xFF, page);
    FlashArray options = new FlashArray(Stm32f1Flash.OPTION_BYTES, 16, 0xFF,
        SectorTable.uniform(16, 16));
    int bank1 = size > 512 * KIB && model != FlashModel.MM32 ? 512 * KIB : 0;
    String name = model == FlashModel.GD32 ? "FMC" : "FLASH";
    Stm32f1Flash controller = new Stm32f1Flash(Stm32f1Flash.DEFAULT_BASE, main, options,
        new Stm32f1Flash.Variant(name, model == FlashModel.GD32, bank1, f0f3), ctx.busyPolls());
    int kib = (int) (size / KIB);
    int idcode = switch (model) {
      case GD32 -> 0x1303_0410;
      case MM32 -> 0xCC56_8091;
      default -> device.startsWith("STM32F0") ? 0x1000_6440
          : device.startsWith("STM32F3") ? 0x1003_6422 : 0x2003_6410;
    };
    // Device electronic signature: flash size (KiB) and unique ID, where each family keeps them.
    Map<Integer, Integer> values = f0f3
        ? Map.of(0x0C, 0x0031_0032, 0x10, 0x3432_5102, 0x14, 0x2030_3637, 0x2C, kib)
        : Map.of(0x40, kib | (ctx.ramKib() << 16), 0x48, 0x0031_0032, 0x4C, 0x3432_5102,
            0x50, 0x2030_3637);
    Map<Integer, String> names = f0f3
        ? Map.of(0x0C, "UID0", 0x10, "UID1", 0x14, "UID2", 0x2C, "F_SIZE")
        : Map.of(0x40, "F_SIZE", 0x48, "UID0", 0x4C, "UID1", 0x50, "UID2");
    return new InstalledModel.Builder()
        .controller(controller)
        .peripheral(Blocks.info("DEVSIG", 0x1FFF_F7A0, 0x60, names, values),
            Blocks.dbgmcu(0xE004_2000, idcode), Blocks.iwdg(0x4000_3000),
            Blocks.wwdg(0x4000_2C00), Blocks.rccF1(0x4002_1000))
        .atlas(Atlas.stm32f1())
        .build();
  }

  /**
   * STM32F2/F4/F7: the sector controller at 0x40023C00, the flash at 0x08000000 (and at the ITCM
   * alias 0x00200000 on the F7), OTP and its lock bytes, and the device signature after them.
   */
  static InstalledModel f4(ModelContext ctx) {
    String device = ctx.upperDevice();
    boolean f7 = device.startsWith("STM32F7") || ctx.regionIn(0x0020_0000, 0x20_0000).isPresent();
    int itcm = 0x0020_0000;
    Optional<FlashRegion> region = ctx.regions().stream()
        .filter(r -> r.start() == FLASH || (f7 && r.start() == itcm)).findFirst();
    long size = region.map(FlashRegion::size)
        .or(() -> ctx.sizeAt(FLASH)).orElse(1024L * KIB);
    SectorTable sectors = region.map(ModelContext::sectors)
        .orElseGet(() -> f4Sectors((int) size, f7 && size >= 1024 * KIB
            && !device.startsWith("STM32F72") && !device.startsWith("STM32F73")));
    FlashArray main = new FlashArray(FLASH, (int) size, 0xFF, sectors);
    boolean small7 = device.startsWith("STM32F72") || device.startsWith("STM32F73");
    int otpStart = !f7 ? 0x1FFF_7800 : small7 ? 0x1FF0_7800 : 0x1FF0_F000;
    int otpData = f7 && !small7 ? 0x400 : 0x200;
    FlashArray otp = new FlashArray(otpStart, otpData + 16, 0xFF,
        SectorTable.uniform(otpData + 16, otpData + 16));
    boolean dual = sectors.count() > 12;
    int optcr = f7 ? 0xC0FF_AAFC | (dual ? 0x1000_0000 : 0x3000_0000) : 0x0FFF_AAEC;
    Stm32f4Flash controller = new Stm32f4Flash(Stm32f4Flash.DEFAULT_BASE, main, otp, 16, optcr,
        f7 ? 0x0040_0080 : 0x0FFF_0000, ctx.busyPolls());
    int signature = otpStart + otpData + 16 + (f7 && !small7 ? 0x10 : 0);
    int sizeWord = f7 && !small7 ? 0x20 : 0x10;
    int kib = (int) (size / KIB);
    InstalledModel.Builder b = new InstalledModel.Builder().controller(controller);
    if (f7) {
      b.alias(controller, itcm);
    }
    RegisterFile fmc = Blocks.fmc(0xA000_0000);
    ctx.regionIn(0x6000_0000L, 0x1000_0000L).ifPresent(nor -> b.commandArray(
        ModelContext.array(nor), fmc, "FMC_BCR1.MBKEN", ctx.busyPolls()));
    Blocks.gpios(0x4002_0000, f7 ? 11 : 9).forEach(b::peripheral);
    b.peripheral(fmc);
    return b.peripheral(
            Blocks.info("DEVSIG", signature, 0x30, Map.of(0x00, "UID0", 0x04, "UID1",
                0x08, "UID2", sizeWord, "F_SIZE"), Map.of(0x00, 0x0031_0032, 0x04, 0x3432_5102,
                0x08, 0x2030_3637, sizeWord, kib << 16)),
            Blocks.dbgmcu(0xE004_2000, f7 ? 0x1001_6449 : 0x1007_6413),
            Blocks.iwdg(0x4000_3000), Blocks.wwdg(0x4000_2C00), Blocks.rccF4(0x4002_3800))
        .atlas(Atlas.stm32f4())
        .build();
  }

  /** The sectors of an F2/F4/F7 flash: 16 (or 32) KiB x 4, one 64 (128) KiB, then 128 (256) KiB. */
  static SectorTable f4Sectors(int size, boolean large) {
    int unit = large ? 32 * KIB : 16 * KIB;
    List<SectorTable.Run> runs = size <= 4 * unit ? List.of(new SectorTable.Run(0, unit))
        : size <= 8 * unit ? List.of(new SectorTable.Run(0, unit),
            new SectorTable.Run(4 * unit, 4 * unit))
        : List.of(new SectorTable.Run(0, unit), new SectorTable.Run(4 * unit, 4 * unit),
            new SectorTable.Run(8 * unit, 8 * unit));
    return SectorTable.of(size, runs);
  }

  /**
   * STM32L5 and U5: the TrustZone-aware controller, the flash at 0x08000000 and its secure alias
   * 0x0C000000, the option registers' stored copy at 0x1FF00000 and FLASHSIZE in system memory.
   * A request for the secure alias sets OPTR.TZEN, as a secure algorithm expects.
   */
  static InstalledModel l5(FlashModel model, ModelContext ctx) {
    boolean u5 = model == FlashModel.STM32U5;
    int secure = 0x0C00_0000;
    Optional<FlashRegion> region = ctx.regions().stream()
        .filter(r -> r.start() == FLASH || r.start() == secure).findFirst();
    long size = region.map(FlashRegion::size).or(() -> ctx.sizeAt(FLASH))
        .orElse(u5 ? 2048L * KIB : 512L * KIB);
    Stm32l5Flash.Variant variant = u5
        ? new Stm32l5Flash.Variant("STM32U5", 8 * KIB, 8 * KIB, 8, 16, 21)
        : new Stm32l5Flash.Variant("STM32L5", 4 * KIB, 2 * KIB, 7, 8, 22);
    boolean tz = ctx.regionIn(secure, 0x0400_0000).isPresent();
    int optr = (u5 ? 0x1FEF_F8AA : 0x1F6F_70AA) | (tz ? 1 << 31 : 0);
    int page = u5 ? 8 * KIB : 2 * KIB;
    FlashArray main = new FlashArray(FLASH, (int) size, 0xFF,
        SectorTable.uniform((int) size, page));
    FlashArray view = new FlashArray(0x1FF0_0000, 4 * Stm32l5Flash.OPTION_WORDS, 0xFF,
        SectorTable.uniform(4 * Stm32l5Flash.OPTION_WORDS, 4 * Stm32l5Flash.OPTION_WORDS));
    int[] options = {optr, 0x0800_007F, 0x0BF9_007F, 0x0C00_007C, 0xFF80_FF80, 0xFF80_FF80,
        0xFF80_FF80, 0xFF80_FF80, 0xFF80_FF80, 0xFF80_FF80, 0xFF80_FF80, 0xFF80_FF80};
    Stm32l5Flash controller = new Stm32l5Flash(Stm32l5Flash.DEFAULT_BASE, main, secure, view,
        options, variant, ctx.busyPolls());
    int info = u5 ? 0x0BFA_0700 : 0x0BFA_0500;
    int kib = (int) (size / KIB);
    return new InstalledModel.Builder()
        .controller(controller)
        .alias(controller, secure)
        .peripheral(
            Blocks.info("INFO", info, 0x100, Map.of(u5 ? 0x00 : 0x90, "UID0",
                u5 ? 0x04 : 0x94, "UID1", u5 ? 0x08 : 0x98, "UID2", u5 ? 0xA0 : 0xE0, "FLASHSIZE"),
                Map.of(u5 ? 0x00 : 0x90, 0x0031_0032, u5 ? 0x04 : 0x94, 0x3432_5102,
                    u5 ? 0x08 : 0x98, 0x2030_3637, u5 ? 0xA0 : 0xE0, kib)),
            Blocks.dbgmcu(0xE004_4000, u5 ? 0x2001_6482 : 0x2001_6472),
            Blocks.iwdg(0x4000_3000), Blocks.wwdg(0x4000_2C00),
            u5 ? Blocks.rccU5(0x4602_0C00) : Blocks.rccL4(0x4002_1000))
        .atlas(u5 ? Atlas.stm32u5() : Atlas.stm32l5())
        .build();
  }

  /** The WB option registers from OPTR on, and where the option bytes keep each of them. */
  private static final String[] WB_OPTIONS = {"OPTR", "PCROP1ASR", "PCROP1AER", "WRP1AR",
      "WRP1BR", "PCROP1BSR", "PCROP1BER", "IPCCBR"};
  private static final int[] WB_SLOTS = {0x00, 0x08, 0x10, 0x18, 0x20, 0x28, 0x30, 0x68};
  private static final int[] WB_FACTORY = {0x3DFF_F1AA, 0x0000_01FF, 0x8000_0000, 0x0000_00FF,
      0x0000_00FF, 0x0000_01FF, 0, 0xFFFF_C000};

  /** STM32WB: the page controller at 0x58004000, option bytes at 0x1FFF8000, RCC at 0x58000000. */
  static InstalledModel wb(ModelContext ctx) {
    boolean small = ctx.upperDevice().startsWith("STM32WB1");
    long size = ctx.sizeAt(FLASH).orElse(small ? 320L * KIB : 1024L * KIB);
    int page = ctx.regions().stream().filter(r -> r.start() == FLASH)
        .map(r -> (int) r.sectors().get(0).sectorSize()).findFirst()
        .orElse(small ? 2 * KIB : 4 * KIB);
    FlashArray main = new FlashArray(FLASH, (int) size, 0xFF, SectorTable.uniform((int) size,
        page));
    FlashArray optionBytes = new FlashArray(0x1FFF_8000, 0x80, 0xFF,
        SectorTable.uniform(0x80, 0x80));
    Stm32PageFlash.storeFactory(optionBytes, WB_SLOTS, WB_FACTORY);
    Stm32PageFlash controller = new Stm32PageFlash(0x5800_4000, main, optionBytes,
        new Stm32PageFlash.Variant("STM32WB", page, 8, 0, WB_OPTIONS, WB_SLOTS,
            Map.of(Stm32PageFlash.SFR, (int) (size / page) - 8, 0x84, 0), true),
        ctx.busyPolls());
    int kib = (int) (size / KIB);
    return new InstalledModel.Builder()
        .controller(controller)
        .peripheral(
            Blocks.info("INFO", 0x1FFF_7500, 0x100, Map.of(0x00, "PACKAGE", 0x80, "UID64_0",
                0x84, "UID64_1", 0x90, "UID0", 0x94, "UID1", 0x98, "UID2", 0xE0, "FLASHSIZE"),
                Map.of(0x80, 0x0031_0032, 0x84, 0x0080_E125, 0x90, 0x0031_0032,
                    0x94, 0x3432_5102, 0x98, 0x2030_3637, 0xE0, kib)),
            Blocks.dbgmcu(0xE004_2000, small ? 0x2001_6494 : 0x2001_6495),
            Blocks.iwdg(0x4000_3000), Blocks.wwdg(0x4000_2C00), Blocks.rccL4(0x5800_0000))
        .atlas(Atlas.stm32wb())
        .build();
  }

  /** The L4/G0/WL option registers from OPTR on, stored as word and complement from 0x1FFF7800. */
  private static final String[] L4_OPTIONS = {"OPTR", "PCROP1SR", "PCROP1ER", "WRP1AR",
      "WRP1BR"};
  private static final int[] L4_SLOTS = {0x00, 0x08, 0x10, 0x18, 0x20};

  /**
   * STM32L4/L4+, G0/C0 and WL: the page controller (at 0x40022000, 0x58004000 on the WL) with
   * option bytes at 0x1FFF7800 and FLASHSIZE at 0x1FFF75E0. Dual-bank parts (L47x/L48x/L49x/L4Ax,
   * the L4+, G0B/G0C) number pages per bank and pick the bank with BKER.
   */
  static InstalledModel l4(FlashModel model, ModelContext ctx) {
    String device = ctx.upperDevice();
    boolean wl = model == FlashModel.STM32WL;
    boolean g0 = model == FlashModel.STM32G0;
    boolean l4plus = device.matches("STM32L4[RSPQ].*");
    boolean dual = l4plus || device.matches("STM32L4(7|8|9|A).*")
        || device.matches("STM32G0[BC].*");
    long size = ctx.sizeAt(FLASH).orElse(wl ? 256L * KIB : g0 ? 128L * KIB : 1024L * KIB);
    int page = l4plus ? 4 * KIB : 2 * KIB;
    int bker = !dual ? 0 : g0 ? 13 : 11;
    FlashArray main = new FlashArray(FLASH, (int) size, 0xFF,
        SectorTable.uniform((int) size, page));
    FlashArray optionBytes = new FlashArray(0x1FFF_7800, 0x28, 0xFF,
        SectorTable.uniform(0x28, 0x28));
    int optr = g0 ? 0xFFFF_FEAA : wl ? 0x3FEF_F0AA : 0xFFEF_F8AA;
    Stm32PageFlash.storeFactory(optionBytes, L4_SLOTS,
        new int[] {optr, 0xFFFF_FFFF, 0, 0x00FF_00FF, 0x00FF_00FF});
    Stm32PageFlash controller = new Stm32PageFlash(wl ? 0x5800_4000 : 0x4002_2000, main,
        optionBytes, new Stm32PageFlash.Variant(model.name(), page, g0 ? 10 : 8, bker,
            L4_OPTIONS, L4_SLOTS, Map.of(), false), ctx.busyPolls());
    int kib = (int) (size / KIB);
    int idcode = g0 ? 0x1000_6460 : wl ? 0x1001_6497 : l4plus ? 0x1001_6470 : 0x1007_6415;
    return new InstalledModel.Builder()
        .controller(controller)
        .peripheral(
            Blocks.info("INFO", 0x1FFF_7500, 0x100, Map.of(0x00, "PACKAGE", 0x90, "UID0",
                0x94, "UID1", 0x98, "UID2", 0xE0, "FLASHSIZE"),
                Map.of(0x90, 0x0031_0032, 0x94, 0x3432_5102, 0x98, 0x2030_3637, 0xE0, kib)),
            Blocks.dbgmcu(g0 ? 0x4001_5800 : 0xE004_2000, idcode),
            Blocks.iwdg(0x4000_3000), Blocks.wwdg(0x4000_2C00),
            wl ? Blocks.rccL4(0x5800_0000) : g0 ? Blocks.rccG0(0x4002_1000)
                : Blocks.rccL4(0x4002_1000))
        .atlas(wl ? Atlas.stm32wb() : Atlas.stm32g4())
        .build();
  }

  /**
   * STM32H7: the dual-bank controller at 0x52002000 over 128 KiB sectors (two banks above 1 MiB),
   * RCC at 0x58024400, DBGMCU at 0x5C001000, FLASH_SIZE at 0x1FF1E880.
   */
  static InstalledModel h7(ModelContext ctx) {
    long size = ctx.sizeAt(FLASH).orElse(2048L * KIB);
    FlashArray main = new FlashArray(FLASH, (int) size, 0xFF,
        SectorTable.uniform((int) size, (int) Math.min(size, 128 * KIB)));
    ClockControl rcc = new ClockControl("RCC", 0x5802_4400, 0x400,
        Map.of(0x00, "CR", 0x10, "CFGR", 0x28, "PLLCKSELR", 0xD4, "AHB3ENR", 0xD8, "AHB1ENR",
            0xDC, "AHB2ENR", 0xE0, "AHB4ENR"),
        Map.of(0x00, 0x0000_0025),
        List.of(new ClockControl.Ready(0x00, 1, 1 << 2), new ClockControl.Ready(0x00, 1 << 16,
            1 << 17), new ClockControl.Ready(0x00, 1 << 24, 1 << 25)),
        List.of(new ClockControl.Switch(0x10, 0, 3, 3)), Map.of());
    return new InstalledModel.Builder()
        .controller(new Stm32h7Flash(Stm32h7Flash.DEFAULT_BASE, main, ctx.busyPolls()))
        .peripheral(
            Blocks.info("INFO", 0x1FF1_E800, 0x100, Map.of(0x00, "UID0", 0x04, "UID1",
                0x08, "UID2", 0x80, "FLASH_SIZE"), Map.of(0x00, 0x0031_0032, 0x04, 0x3432_5102,
                0x08, 0x2030_3637, 0x80, (int) (size / KIB))),
            Blocks.dbgmcu(0x5C00_1000, 0x1003_6450), Blocks.iwdg(0x5800_4800),
            Blocks.wwdg(0x5000_3000), rcc)
        .build();
  }
}
