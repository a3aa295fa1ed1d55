package dev.packs.emulator.internal.cpu;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds random straight-line programs with forward branches, CBZ/CBNZ and IT blocks, ending in
 * BKPT, plus a random initial state whose reserved registers point into RAM.
 */
final class ProgramGenerator {
  static final int CODE_BASE = 0x0800_0000;
  static final int CODE_SIZE = 0x4000;
  static final int PROGRAM = 0x0800_1000;
  static final int RAM_BASE = 0x2000_0000;
  static final int RAM_SIZE = 0x1_0000;

  /** One instruction: a 16-bit encoding, or hw1 << 16 | hw2 when wide. */
  record Insn(int value, boolean wide) {}

  /** A generated program: code, initial registers r0..r14, xPSR, and RAM and code-region contents. */
  record Program(byte[] code, int breakpoint, int[] registers, int xpsr, byte[] ram, byte[] codeRegion,
      List<String> listing) {}

  private enum Kind { STRAIGHT, BRANCH16, BRANCH16_COND, BRANCH32, BRANCH32_COND, BL, CBZ }

  private record Op(Kind kind, List<Insn> insns, int cond, int skip, String name) {
    int size() {
      return switch (kind) {
        case STRAIGHT -> insns.stream().mapToInt(i -> i.wide() ? 4 : 2).sum();
        case BRANCH16, BRANCH16_COND, CBZ -> 2;
        default -> 4;
      };
    }
  }

  private static final int[] SPECIAL = {0, 1, -1, 0x8000_0000, 0x7FFF_FFFF, 0xFFFF, 0x8000, 0x7FFF, 0xFF, 0x80, 31, 32, 33};

  private final Architecture arch;
  private final List<Template> templates;
  private final Random random;

  ProgramGenerator(Architecture arch, long seed) {
    this.arch = arch;
    this.templates = switch (arch) {
      case ARMV6M -> Templates.armv6m();
      case ARMV7M -> Templates.armv7m();
      default -> Templates.armv7em();
    };
    this.random = new Random(seed);
  }

  Program generate(int length) {
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      ops.add(nextOp(length - i));
    }
    return layout(ops);
  }

  private Op nextOp(int remaining) {
    int roll = random.nextInt(100);
    int skip = random.nextInt(Math.min(3, remaining - 1) + 1);
    boolean thumb2 = arch.thumb2();
    if (roll < 6) {
      return new Op(Kind.BRANCH16_COND, List.of(), random.nextInt(14), skip, "B<c>");
    } else if (roll < 8) {
      return new Op(Kind.BRANCH16, List.of(), 14, skip, "B");
    } else if (roll < 10) {
      return new Op(Kind.BL, List.of(), 14, skip, "BL");
    } else if (thumb2 && roll < 13) {
      return new Op(Kind.BRANCH32_COND, List.of(), random.nextInt(14), skip, "B<c>.W");
    } else if (thumb2 && roll < 14) {
      return new Op(Kind.BRANCH32, List.of(), 14, skip, "B.W");
    } else if (thumb2 && roll < 17 && skip > 0) {
      return new Op(Kind.CBZ, List.of(), random.nextInt(2), skip, "CBZ/CBNZ");
    } else if (thumb2 && roll < 25) {
      return itBlock();
    } else if (roll < 29) {
      return call();
    } else if (thumb2 && roll < 31) {
      return exclusivePair();
    } else if (thumb2 && roll < 33) {
      return tableBranch();
    }
    Template template = templates.get(random.nextInt(templates.size()));
    return new Op(Kind.STRAIGHT, List.of(new Insn(template.draw(random), template.wide())), 14, 0,
        template.name());
  }

  /** BL to a leaf that returns with BX LR, POP {pc}, LDR.W pc or MOV pc, lr; then B over the leaf. */
  private Op call() {
    List<Insn> body = new ArrayList<>();
    int style = random.nextInt(arch.thumb2() ? 4 : 3);
    if (style == 1 || style == 3) {
      body.add(new Insn(0xB500, false));
    }
    StringBuilder name = new StringBuilder("call {");
    int count = 1 + random.nextInt(3);
    while (count > 0) {
      Template template = templates.get(random.nextInt(templates.size()));
      String n = template.name();
      if (n.contains("sp") || n.contains("PUSH") || n.contains("POP")) {
        continue; // the leaf must return with the stack it was given
      }
      body.add(new Insn(template.draw(random), template.wide()));
      name.append(' ').append(n);
      count--;
    }
    switch (style) {
      case 0 -> body.add(new Insn(0x4770, false));
      case 1 -> body.add(new Insn(0xBD00, false));
      case 2 -> body.add(new Insn(0x46F7, false));
      default -> body.add(new Insn(0xF85D_FB04, true));
    }
    int bodySize = body.stream().mapToInt(i -> i.wide() ? 4 : 2).sum();
    List<Insn> insns = new ArrayList<>();
    insns.add(new Insn(0xF000_F801, true));
    insns.add(new Insn(0xE000 | (((bodySize - 2) >> 1) & 0x7FF), false));
    insns.addAll(body);
    return new Op(Kind.STRAIGHT, insns, 14, 0, name.append(" } return style ").append(style).toString());
  }

  /** LDREX then STREX to the same word (succeeds), or a lone STREX / CLREX (fails). */
  private Op exclusivePair() {
    int offset = random.nextInt(64);
    int loaded = pick(Template.DESTINATIONS);
    int status = pick(Template.DESTINATIONS);
    int value = random.nextInt(13);
    while (value == status) {
      value = random.nextInt(13); // STREX with Rd == Rt is UNPREDICTABLE
    }
    int ldrex = 0xE859_0F00 | loaded << 12 | offset;
    int strex = 0xE849_0000 | value << 12 | status << 8 | offset;
    List<Insn> insns = new ArrayList<>();
    int shape = random.nextInt(4);
    if (shape != 0) {
      insns.add(new Insn(ldrex, true));
    }
    if (shape == 3) {
      insns.add(new Insn(0xF3BF_8F2F, true));
    }
    insns.add(new Insn(strex, true));
    return new Op(Kind.STRAIGHT, insns, 14, 0, "LDREX/STREX shape " + shape);
  }

  /** MOVS Rm, #k; TBB/TBH [pc, Rm] into a run of four ADDS. */
  private Op tableBranch() {
    boolean half = random.nextBoolean();
    int index = pick(Template.LOW_DESTINATIONS);
    int counter = pick(Template.LOW_DESTINATIONS);
    List<Insn> insns = new ArrayList<>();
    insns.add(new Insn(0x2000 | index << 8 | random.nextInt(4), false));
    insns.add(new Insn((half ? 0xE8DF_F010 : 0xE8DF_F000) | index, true));
    int tableSize = half ? 8 : 4;
    for (int i = 0; i < 4; i += half ? 1 : 2) {
      int first = (tableSize + 2 * i) / 2;
      insns.add(new Insn(half ? first : first | (first + 1) << 8, false));
    }
    for (int i = 0; i < 4; i++) {
      insns.add(new Insn(0x3001 | counter << 8, false));
    }
    return new Op(Kind.STRAIGHT, insns, 14, 0, half ? "TBH" : "TBB");
  }

  private int pick(int[] values) {
    return values[random.nextInt(values.length)];
  }

  private Op itBlock() {
    int firstCond = random.nextInt(14);
    int mask = 1 + random.nextInt(15);
    int count = 4 - Integer.numberOfTrailingZeros(mask);
    List<Insn> insns = new ArrayList<>();
    insns.add(new Insn(0xBF00 | firstCond << 4 | mask, false));
    StringBuilder name = new StringBuilder("IT");
    while (insns.size() <= count) {
      Template template = templates.get(random.nextInt(templates.size()));
      int encoding = template.draw(random);
      if (!template.wide() && (encoding & 0xFFC0) == 0) {
        continue; // MOVS Rd, Rm (LSL #0) is UNPREDICTABLE inside an IT block.
      }
      if (template.name().equals("barrier")) {
        continue; // Unicorn (QEMU) loses the IT state after a barrier.
      }
      insns.add(new Insn(encoding, template.wide()));
      name.append(' ').append(template.name());
    }
    return new Op(Kind.STRAIGHT, insns, 14, 0, name.toString());
  }

  private Program layout(List<Op> ops) {
    int[] addresses = new int[ops.size() + 1];
    int address = PROGRAM;
    for (int i = 0; i < ops.size(); i++) {
      addresses[i] = address;
      address += ops.get(i).size();
    }
    addresses[ops.size()] = address;
    ByteArrayOutputStream code = new ByteArrayOutputStream();
    List<String> listing = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      int target = addresses[i + 1 + op.skip()];
      List<Insn> insns = op.kind() == Kind.STRAIGHT ? op.insns() : List.of(branch(op, addresses[i], target));
      StringBuilder line = new StringBuilder(String.format("%08X:", addresses[i]));
      for (Insn insn : insns) {
        if (insn.wide()) {
          emit(code, insn.value() >>> 16);
          emit(code, insn.value());
          line.append(String.format(" %04X %04X", insn.value() >>> 16, insn.value() & 0xFFFF));
        } else {
          emit(code, insn.value());
          line.append(String.format(" %04X", insn.value() & 0xFFFF));
        }
      }
      listing.add(line + "  ; " + op.name());
    }
    emit(code, 0xBE00);
    listing.add(String.format("%08X: BE00  ; BKPT", address));
    return new Program(code.toByteArray(), address, registers(), xpsr(), bytes(RAM_SIZE), bytes(CODE_SIZE),
        listing);
  }

  private Insn branch(Op op, int address, int target) {
    int offset = target - (address + 4);
    return switch (op.kind()) {
      case BRANCH16_COND -> new Insn(0xD000 | op.cond() << 8 | ((offset >> 1) & 0xFF), false);
      case BRANCH16 -> new Insn(0xE000 | ((offset >> 1) & 0x7FF), false);
      case CBZ -> new Insn(0xB100 | op.cond() << 11 | ((offset >> 6) & 1) << 9 | ((offset >> 1) & 0x1F) << 3
          | random.nextInt(8), false);
      case BRANCH32_COND -> {
        int hw1 = 0xF000 | ((offset >>> 20) & 1) << 10 | op.cond() << 6 | ((offset >> 12) & 0x3F);
        int hw2 = 0x8000 | ((offset >> 18) & 1) << 13 | ((offset >> 19) & 1) << 11 | ((offset >> 1) & 0x7FF);
        yield new Insn(hw1 << 16 | hw2, true);
      }
      default -> {
        int s = (offset >>> 24) & 1;
        int j1 = ~(((offset >> 23) & 1) ^ s) & 1;
        int j2 = ~(((offset >> 22) & 1) ^ s) & 1;
        int hw1 = 0xF000 | s << 10 | ((offset >> 12) & 0x3FF);
        int hw2 = (op.kind() == Kind.BL ? 0xD000 : 0x9000) | j1 << 13 | j2 << 11 | ((offset >> 1) & 0x7FF);
        yield new Insn(hw1 << 16 | hw2, true);
      }
    };
  }

  private static void emit(ByteArrayOutputStream out, int halfword) {
    out.write(halfword & 0xFF);
    out.write((halfword >>> 8) & 0xFF);
  }

  private int[] registers() {
    int[] r = new int[15];
    for (int i = 0; i < 15; i++) {
      r[i] = value();
    }
    r[6] = 4 * random.nextInt(32);
    r[7] = RAM_BASE + 0x4000 + 4 * random.nextInt(256);
    r[9] = RAM_BASE + 0x8000 + 4 * random.nextInt(256);
    r[10] = 4 * random.nextInt(64);
    r[13] = RAM_BASE + 0xC000;
    return r;
  }

  private int value() {
    int roll = random.nextInt(4);
    if (roll == 0) {
      return SPECIAL[random.nextInt(SPECIAL.length)];
    }
    return roll == 1 ? random.nextInt(256) - 128 : random.nextInt();
  }

  private int xpsr() {
    int flags = random.nextInt(16) << 28;
    if (arch.dsp()) {
      flags |= (random.nextBoolean() ? 1 << 27 : 0) | random.nextInt(16) << 16;
    }
    return flags | 1 << 24;
  }

  private byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }
}
