package dev.packs.emulator.internal.cpu;

/**
 * The 32-bit encodings outside branches and miscellaneous control on cores without full Thumb-2:
 * none on ARMv6-M; on ARMv8-M Baseline MOVW/MOVT, SDIV/UDIV and the exclusive and acquire/release
 * accesses.
 */
final class Baseline {
  private Baseline() {}

  static void execute(Cpu cpu, int hw1, int hw2) {
    if (!cpu.arch.v8()) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    int top = hw1 & 0xFFF0;
    if ((hw1 & 0xFB70) == 0xF240 && (hw2 & 0x8000) == 0) {
      DataProcessing.plainImmediate(cpu, hw1, hw2);
    } else if ((top == 0xFB90 || top == 0xFBB0) && (hw2 & 0xF0) == 0xF0) {
      Multiply.longMultiplyDivide(cpu, hw1, hw2);
    } else if (top == 0xE840 || top == 0xE850) {
      LoadStoreMultiple.dualExclusiveTable(cpu, hw1, hw2);
    } else if ((top == 0xE8C0 || top == 0xE8D0) && (hw2 & 0x00E0) != 0) {
      LoadStoreMultiple.dualExclusiveTable(cpu, hw1, hw2);
    } else {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
  }
}
