package dev.packs.emulator.internal.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Runs one generated program on the interpreter and on Unicorn and lists every difference. */
final class Oracle {

  private static final int STUB = 0x0810_0000;
  private static final Map<Architecture, Unicorn> ENGINES = new EnumMap<>(Architecture.class);

  private Oracle() {}

  /** An empty list when registers, flags, PC and RAM all agree. */
  static List<String> compare(Architecture arch, ProgramGenerator.Program program) {
    Cpu cpu = runInterpreter(arch, program);
    RamBus bus = (RamBus) cpu.bus;
    Unicorn unicorn = engine(arch);
    int code = runUnicorn(unicorn, program);
    List<String> differences = differences(arch, program, cpu, bus, unicorn, code);
    if (code != 0) {
      ENGINES.remove(arch).close();
    }
    return differences;
  }

  private static List<String> differences(Architecture arch, ProgramGenerator.Program program, Cpu cpu, RamBus bus,
      Unicorn unicorn, int code) {
    List<String> differences = new ArrayList<>();
    if (code != 0 && unicorn.reg(Unicorn.REG_PC) != program.breakpoint()) {
      differences.add("unicorn stopped with error " + code + " " + unicorn.describe(code)
          + String.format(" at 0x%08X", unicorn.reg(Unicorn.REG_PC)));
    }
    for (int i = 0; i < 13; i++) {
      check(differences, "r" + i, cpu.reg(i), unicorn.reg(Unicorn.REG_R0 + i));
    }
    check(differences, "sp", cpu.reg(13), unicorn.reg(Unicorn.REG_SP));
    check(differences, "lr", cpu.reg(14), unicorn.reg(Unicorn.REG_LR));
    check(differences, "pc", cpu.reg(15), unicorn.reg(Unicorn.REG_PC));
    int flagMask = arch.dsp() ? 0xF80F_0000 : arch.thumb2() ? 0xF800_0000 : 0xF000_0000;
    check(differences, "apsr", cpu.xpsr() & flagMask, unicorn.reg(Unicorn.REG_XPSR) & flagMask);
    byte[] ram = unicorn.read(ProgramGenerator.RAM_BASE, ProgramGenerator.RAM_SIZE);
    byte[] mine = bus.bytes(ProgramGenerator.RAM_BASE);
    if (!Arrays.equals(ram, mine)) {
      int i = Arrays.mismatch(ram, mine);
      differences.add(String.format("ram differs first at 0x%08X: unicorn %02X, interpreter %02X",
          ProgramGenerator.RAM_BASE + i, ram[i], mine[i]));
    }
    return differences;
  }

  /** Steps both engines one instruction at a time and describes the first step that diverges. */
  static String firstDivergence(Architecture arch, ProgramGenerator.Program program) {
    Cpu cpu = prepare(arch, program);
    Unicorn unicorn = engine(arch);
    try {
      return firstDivergence(arch, program, cpu, unicorn);
    } finally {
      ENGINES.remove(arch).close();
    }
  }

  private static String firstDivergence(Architecture arch, ProgramGenerator.Program program, Cpu cpu,
      Unicorn unicorn) {
    runUnicorn(unicorn, program, 0);
    for (int step = 0; step < 200; step++) {
      int pc = cpu.reg(15);
      if (unicorn.reg(Unicorn.REG_PC) != pc) {
        return String.format("step %d: pc interpreter 0x%08X unicorn 0x%08X", step, pc, unicorn.reg(Unicorn.REG_PC));
      }
      if (pc == program.breakpoint()) {
        return "no divergence";
      }
      int code = unicorn.run(pc, program.breakpoint(), 1);
      // Unicorn may execute an IT instruction together with the block it opens: catch up.
      Stop stop = cpu.run(1);
      for (int i = 0; i < 4 && stop.kind() == Stop.Kind.LIMIT && cpu.reg(15) != unicorn.reg(Unicorn.REG_PC); i++) {
        stop = cpu.run(1);
      }
      List<String> differences = new ArrayList<>();
      if (stop.kind() != Stop.Kind.LIMIT) {
        differences.add("interpreter " + stop);
      }
      if (code != 0) {
        differences.add("unicorn " + unicorn.describe(code));
      }
      for (int i = 0; i < 15; i++) {
        check(differences, "r" + i, cpu.reg(i), unicorn.reg(i == 13 ? Unicorn.REG_SP : i == 14 ? Unicorn.REG_LR : Unicorn.REG_R0 + i));
      }
      int flagMask = arch.dsp() ? 0xF80F_0000 : arch.thumb2() ? 0xF800_0000 : 0xF000_0000;
      check(differences, "apsr", cpu.xpsr() & flagMask, unicorn.reg(Unicorn.REG_XPSR) & flagMask);
      byte[] ram = unicorn.read(ProgramGenerator.RAM_BASE, ProgramGenerator.RAM_SIZE);
      byte[] mine = ((RamBus) cpu.bus).bytes(ProgramGenerator.RAM_BASE);
      if (!Arrays.equals(ram, mine)) {
        differences.add(String.format("ram 0x%08X", ProgramGenerator.RAM_BASE + Arrays.mismatch(ram, mine)));
      }
      if (!differences.isEmpty()) {
        int hw1 = ((RamBus) cpu.bus).read(pc, 2);
        int hw2 = ((RamBus) cpu.bus).read(pc + 2, 2);
        return String.format("step %d at 0x%08X (%04X %04X): %s", step, pc, hw1, hw2, differences);
      }
    }
    return "no divergence in 200 steps";
  }

  static Cpu runInterpreter(Architecture arch, ProgramGenerator.Program program) {
    Cpu cpu = prepare(arch, program);
    Stop stop = cpu.run(10_000);
    if (stop.kind() != Stop.Kind.BREAKPOINT) {
      throw new AssertionError("interpreter stopped with " + stop + "\n" + String.join("\n", program.listing()));
    }
    return cpu;
  }

  private static Cpu prepare(Architecture arch, ProgramGenerator.Program program) {
    RamBus bus = new RamBus().map(ProgramGenerator.CODE_BASE, ProgramGenerator.CODE_SIZE, true)
        .map(ProgramGenerator.RAM_BASE, ProgramGenerator.RAM_SIZE, true);
    bus.load(ProgramGenerator.CODE_BASE, program.codeRegion());
    bus.load(ProgramGenerator.PROGRAM, program.code());
    bus.load(ProgramGenerator.RAM_BASE, program.ram());
    Cpu cpu = new Cpu(bus, arch);
    for (int i = 0; i < 15; i++) {
      cpu.setReg(i, program.registers()[i]);
    }
    cpu.setXpsr(program.xpsr());
    cpu.setReg(15, ProgramGenerator.PROGRAM);
    return cpu;
  }

  /** One engine per architecture; opening one costs about 20 ms. */
  private static synchronized Unicorn engine(Architecture arch) {
    return ENGINES.computeIfAbsent(arch, a -> {
      Unicorn unicorn = new Unicorn(a);
      unicorn.map(ProgramGenerator.CODE_BASE, ProgramGenerator.CODE_SIZE);
      unicorn.map(ProgramGenerator.RAM_BASE, ProgramGenerator.RAM_SIZE);
      unicorn.map(STUB, 0x1000);
      // MSR APSR_nzcvq(g), r0; BKPT: Unicorn's xPSR register write leaves GE alone, MSR does not.
      int mask = a.dsp() ? 0x8C00 : 0x8800;
      unicorn.write(STUB, new byte[] {(byte) 0x80, (byte) 0xF3, 0, (byte) (mask >>> 8), 0, (byte) 0xBE});
      return unicorn;
    });
  }

  private static int runUnicorn(Unicorn unicorn, ProgramGenerator.Program program) {
    return runUnicorn(unicorn, program, 10_000);
  }

  private static int runUnicorn(Unicorn unicorn, ProgramGenerator.Program program, int limit) {
    unicorn.write(ProgramGenerator.CODE_BASE, program.codeRegion());
    // Unicorn keeps code it translated for the previous program unless told to drop it.
    if (!unicorn.flushTranslations(ProgramGenerator.PROGRAM, ProgramGenerator.PROGRAM + program.code().length)) {
      throw new IllegalStateException("uc_ctl(TB_REMOVE_CACHE) failed");
    }
    unicorn.write(ProgramGenerator.PROGRAM, program.code());
    unicorn.write(ProgramGenerator.RAM_BASE, program.ram());
    for (int i = 0; i < 13; i++) {
      unicorn.setReg(Unicorn.REG_R0 + i, program.registers()[i]);
    }
    unicorn.setReg(Unicorn.REG_SP, program.registers()[13]);
    unicorn.setReg(Unicorn.REG_LR, program.registers()[14]);
    unicorn.setReg(Unicorn.REG_R0, program.xpsr());
    int code = unicorn.run(STUB, STUB + 4, 10);
    if (code != 0) {
      throw new IllegalStateException("unicorn flag stub failed: " + unicorn.describe(code));
    }
    unicorn.setReg(Unicorn.REG_R0, program.registers()[0]);
    if (limit == 0) {
      unicorn.setReg(Unicorn.REG_PC, ProgramGenerator.PROGRAM | 1);
      return 0;
    }
    return unicorn.run(ProgramGenerator.PROGRAM, program.breakpoint(), limit);
  }

  private static void check(List<String> differences, String name, int mine, int theirs) {
    if (mine != theirs) {
      differences.add(String.format("%s: interpreter 0x%08X, unicorn 0x%08X", name, mine, theirs));
    }
  }
}
