package dev.packs.emulator.internal.cpu;

/**
 * One build of c/algorithm.c loaded into a {@link RamBus}: calls its entry points the way a flash
 * engine calls an FLM, returning to a BKPT trampoline.
 */
final class CompiledAlgorithm {
  static final int RAM = 0x2000_0000;
  static final int RAM_SIZE = 0x1_0000;
  static final int FLASH = 0x0800_0000;
  static final int FLASH_SIZE = 0x1_0000;
  static final int BUFFER = 0x2000_4000;
  static final int STACK = 0x2000_8000;
  static final int TRAMPOLINE = 0x2000_7F00;

  static final int INIT = 0;
  static final int UNINIT = 1;
  static final int ERASE_SECTOR = 2;
  static final int PROGRAM_PAGE = 3;
  static final int VERIFY = 4;
  static final int CHECKSUM = 5;
  static final int MIX = 6;

  final RamBus bus = new RamBus().map(RAM, RAM_SIZE, true).map(FLASH, FLASH_SIZE, true);
  final Cpu cpu;
  final byte[] image;
  long instructions;

  CompiledAlgorithm(String build, Architecture arch) {
    image = Fixtures.compiled("algorithm-" + build);
    bus.load(RAM, image);
    bus.write(TRAMPOLINE, 2, 0xBE00);
    cpu = new Cpu(bus, arch);
  }

  int entry(int index) {
    return bus.read(RAM + 4 * index, 4);
  }

  /** Calls entry {@code index} with up to four arguments; returns r0. */
  int call(int index, int... args) {
    for (int i = 0; i < args.length; i++) {
      cpu.setReg(i, args[i]);
    }
    cpu.setReg(13, STACK);
    cpu.setReg(14, TRAMPOLINE | 1);
    cpu.setReg(15, entry(index));
    Stop stop = cpu.run(50_000_000);
    if (stop.kind() != Stop.Kind.BREAKPOINT || stop.pc() != TRAMPOLINE) {
      throw new AssertionError("call " + index + " stopped with " + stop);
    }
    instructions += stop.instructions();
    return cpu.reg(0);
  }
}
