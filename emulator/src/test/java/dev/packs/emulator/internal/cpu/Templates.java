package dev.packs.emulator.internal.cpu;

import static dev.packs.emulator.internal.cpu.Template.of;

import java.util.ArrayList;
import java.util.List;

/**
 * Straight-line instruction patterns for the differential tests, by architecture. Each pattern
 * excludes the UNPREDICTABLE corners of its encoding, so any difference from the oracle is a bug.
 */
final class Templates {
  private Templates() {}

  /** ARMv6-M: every 16-bit data, load/store and stack encoding, plus the 32-bit barriers and MRS/MSR. */
  static List<Template> armv6m() {
    List<Template> t = new ArrayList<>();
    t.add(of("LSLS imm", "00000iiiiimmmddd"));
    t.add(of("LSRS imm", "00001iiiiimmmddd"));
    t.add(of("ASRS imm", "00010iiiiimmmddd"));
    t.add(of("ADDS reg", "0001100mmmnnnddd"));
    t.add(of("SUBS reg", "0001101mmmnnnddd"));
    t.add(of("ADDS imm3", "0001110iiinnnddd"));
    t.add(of("SUBS imm3", "0001111iiinnnddd"));
    t.add(of("MOVS imm8", "00100dddiiiiiiii"));
    t.add(of("CMP imm8", "00101nnniiiiiiii"));
    t.add(of("ADDS imm8", "00110dddiiiiiiii"));
    t.add(of("SUBS imm8", "00111dddiiiiiiii"));
    t.add(of("data processing", "010000iiiimmmddd"));
    t.add(of("ADD high", "01000100dmmmmddd"));
    t.add(of("CMP high", "01000101nmmmmnnn").where(e -> ((e >>> 3) & 0xF) >= 8 || (e & 0x80) != 0));
    t.add(of("MOV high", "01000110dmmmmddd"));
    t.add(of("LDR literal", "01001dddiiiiiiii"));
    t.add(of("load/store register", "0101iiiXXXBBBddd"));
    t.add(of("STR imm", "01100iiiiiBBBddd"));
    t.add(of("LDR imm", "01101iiiiiBBBddd"));
    t.add(of("STRB imm", "01110iiiiiBBBddd"));
    t.add(of("LDRB imm", "01111iiiiiBBBddd"));
    t.add(of("STRH imm", "10000iiiiiBBBddd"));
    t.add(of("LDRH imm", "10001iiiiiBBBddd"));
    t.add(of("STR sp", "10010dddiiiiiiii"));
    t.add(of("LDR sp", "10011dddiiiiiiii"));
    t.add(of("ADR", "10100dddiiiiiiii"));
    t.add(of("ADD sp imm8", "10101dddiiiiiiii"));
    t.add(of("ADD/SUB sp", "10110000iiiiiiii"));
    t.add(of("extend", "10110010iimmmddd"));
    t.add(of("PUSH", "1011010LLLLLLLLL").list(0x1FF).where(e -> (e & 0x1FF) != 0));
    t.add(of("POP", "1011110000LLLLLL").where(e -> (e & 0x3F) != 0));
    t.add(of("REV", "10111010iimmmddd").where(e -> ((e >>> 6) & 3) != 2));
    t.add(of("STM", "11000BBB00LLLLLL").where(e -> (e & 0x3F) != 0));
    t.add(of("LDM", "11001BBB00LLLLLL").where(e -> (e & 0x3F) != 0));
    // YIELD, WFE and WFI are left out: Unicorn ends the emulation on them.
    t.add(of("hint", "10111111i0000000"));
    t.add(of("MRS APSR", "11110011111011111000dddd00000000"));
    t.add(of("barrier", "11110011101111111000111101ii1111").where(e -> ((e >>> 4) & 3) != 3));
    return t;
  }

  /** ARMv7-M adds the 32-bit data-processing, multiply, divide and load/store encodings. */
  static List<Template> armv7m() {
    List<Template> t = new ArrayList<>(armv6m());
    // On ARMv6-M QEMU keeps a Q bit that the architecture does not have, so MSR is tested from ARMv7-M on.
    t.add(of("MSR APSR", "111100111000nnnn1000100000000000"));
    t.add(of("DP modified imm", "11110i0iiiiinnnn0iiiddddiiiiiiii").where(Templates::arithmeticOrLogical));
    t.add(of("MOV/MVN imm", "11110i0001iS11110iiiddddiiiiiiii"));
    t.add(of("TST/TEQ/CMN/CMP imm", "11110i0iiii1nnnn0iii1111iiiiiiii").where(Templates::comparison));
    t.add(of("DP shifted reg", "1110101iiiiinnnn0iiiddddiiiimmmm").where(Templates::arithmeticOrLogical));
    t.add(of("MOV/MVN/shift", "11101010011i11110iiiddddiiiimmmm"));
    t.add(of("MOV/shift", "11101010010i11110iiiddddiiiimmmm"));
    t.add(of("TST/TEQ/CMN/CMP reg", "1110101iiii1nnnn0iii1111iiiimmmm").where(Templates::comparison));
    t.add(of("ADDW", "11110i100000nnnn0iiiddddiiiiiiii"));
    t.add(of("SUBW", "11110i101010nnnn0iiiddddiiiiiiii"));
    t.add(of("ADR.W add", "11110i10000011110iiiddddiiiiiiii"));
    t.add(of("ADR.W subtract", "11110i10101011110iiiddddiiiiiiii"));
    t.add(of("MOVW/MOVT", "11110i10i100iiii0iiiddddiiiiiiii"));
    t.add(of("SSAT/USAT", "11110011i0i0nnnn0iiiddddii0iiiii").where(Templates::notSat16));
    t.add(of("SBFX/UBFX", "11110011i100nnnn0iiiddddii0iiiii").where(Templates::extractFits));
    t.add(of("BFI", "111100110110nnnn0iiiddddii0iiiii").where(Templates::insertFits));
    t.add(of("BFC", "11110011011011110iiiddddii0iiiii").where(Templates::insertFits));
    t.add(of("shift reg", "111110100iiinnnn1111dddd0000mmmm"));
    t.add(of("extend.W", "11111010000i11111111dddd10iimmmm"));
    t.add(of("extend.W byte", "11111010010i11111111dddd10iimmmm"));
    t.add(of("REV.W/RBIT", "111110101001mmmm1111dddd10iimmmm").fixed(Templates::sameRm));
    t.add(of("CLZ", "111110101011mmmm1111dddd1000mmmm").fixed(Templates::sameRm));
    t.add(of("MUL/MLA/MLS", "111110110000nnnnaaaadddd000immmm"));
    t.add(of("MUL", "111110110000nnnn1111dddd0000mmmm"));
    t.add(of("long multiply", "111110111ii0nnnnddddeeee0000mmmm").where(Templates::distinctLongDestinations));
    t.add(of("SDIV/UDIV", "1111101110i1nnnn1111dddd1111mmmm"));
    t.add(of("store imm12", "111110001ii0BBBBttttiiiiiiiiiiii").where(e -> ((e >>> 21) & 3) != 3));
    t.add(of("store imm8", "111110000ii0BBBBtttt1iiiiiiiiiii").where(Templates::wordAlignedWriteBack)
        .where(e -> ((e >>> 12) & 0xF) != 9)
        .where(e -> ((e >>> 21) & 3) != 3));
    t.add(of("store register", "111110000ii0BBBBtttt000000iiXXXX").where(e -> ((e >>> 21) & 3) != 3));
    t.add(of("load imm12", "1111100i1ii1BBBBddddiiiiiiiiiiii").where(Templates::loadSize));
    t.add(of("load imm8", "1111100i0ii1BBBBdddd1iiiiiiiiiii").where(Templates::loadSize)
        .where(Templates::wordAlignedWriteBack));
    t.add(of("load register", "1111100i0ii1BBBBdddd000000iiXXXX").where(Templates::loadSize));
    t.add(of("load literal", "1111100iiii11111ddddiiiiiiiiiiii").where(Templates::loadSize));
    t.add(of("STRD", "1110100ii1i0BBBBttttaaaaiiiiiiii").where(Templates::dualAddressing)
        .where(e -> ((e >>> 12) & 0xF) != 9 && ((e >>> 8) & 0xF) != 9));
    t.add(of("LDRD", "1110100ii1i1BBBBddddeeeeiiiiiiii").where(Templates::dualAddressing)
        .where(Templates::distinctLongDestinations));
    t.add(of("STM.W", "1110100ii0i0BBBBLLLLLLLLLLLLLLLL").list(0x1DFF).where(Templates::multiple));
    t.add(of("LDM.W", "1110100ii0i1BBBBLLLLLLLLLLLLLLLL").list(0x193F).where(Templates::multiple));
    t.add(of("PUSH.W", "1110100100101101LLLLLLLLLLLLLLLL").list(0x5DFF).where(e -> Integer.bitCount(e & 0xFFFF) >= 2));
    t.add(of("POP.W", "1110100010111101LLLLLLLLLLLLLLLL").list(0x193F).where(e -> Integer.bitCount(e & 0xFFFF) >= 2));
    t.add(of("hint.W", "11110011101011111000000000000iii").where(e -> (e & 7) == 0 || (e & 7) == 4));
    return t;
  }

  /** ARMv7E-M adds the DSP extension. */
  static List<Template> armv7em() {
    List<Template> t = new ArrayList<>(armv7m());
    t.add(of("PKHBT/PKHTB", "111010101100nnnn0iiiddddiii0mmmm"));
    t.add(of("SSAT16/USAT16", "11110011i010nnnn0000dddd0000iiii"));
    t.add(of("extend and add", "11111010010innnn1111dddd10iimmmm"));
    t.add(of("extend and add half", "11111010000innnn1111dddd10iimmmm"));
    t.add(of("extend 16", "11111010001i11111111dddd10iimmmm"));
    t.add(of("extend and add 16", "11111010001innnn1111dddd10iimmmm"));
    t.add(of("parallel add/subtract", "111110101iiinnnn1111dddd0iiimmmm").where(Templates::parallel));
    t.add(of("QADD family", "111110101000nnnn1111dddd10iimmmm"));
    t.add(of("SEL", "111110101010nnnn1111dddd1000mmmm"));
    t.add(of("SMLAxy", "111110110001nnnnaaaadddd00iimmmm"));
    t.add(of("SMULxy", "111110110001nnnn1111dddd00iimmmm"));
    t.add(of("DSP dual multiply", "111110110iiinnnnaaaadddd000immmm").where(Templates::dualMultiply));
    t.add(of("DSP dual multiply no acc", "111110110iiinnnn1111dddd000immmm").where(Templates::dualMultiply));
    t.add(of("USAD8/USADA8", "111110110111nnnnaaaadddd0000mmmm"));
    t.add(of("USAD8", "111110110111nnnn1111dddd0000mmmm"));
    t.add(of("SMLALxy", "111110111100nnnnddddeeee10iimmmm").where(Templates::distinctLongDestinations));
    t.add(of("SMLALD/SMLSLD", "11111011110innnnddddeeee110immmm").where(Templates::distinctLongDestinations));
    t.add(of("UMAAL", "111110111110nnnnddddeeee0110mmmm").where(Templates::distinctLongDestinations));
    t.add(of("MSR APSR_g", "111100111000nnnn1000i10000000000"));
    return t;
  }

  private static boolean arithmeticOrLogical(int e) {
    int op = (e >>> 21) & 0xF;
    boolean known = op <= 4 || op == 8 || op == 10 || op == 11 || op == 13 || op == 14;
    return known && ((e >>> 16) & 0xF) != 15;
  }

  private static boolean comparison(int e) {
    int op = (e >>> 21) & 0xF;
    return op == 0 || op == 4 || op == 8 || op == 13;
  }

  private static boolean notSat16(int e) {
    boolean shiftRight = ((e >>> 21) & 1) != 0;
    int amount = ((e >>> 12) & 7) << 2 | ((e >>> 6) & 3);
    return !(shiftRight && amount == 0);
  }

  private static boolean extractFits(int e) {
    int lsb = ((e >>> 12) & 7) << 2 | ((e >>> 6) & 3);
    return lsb + (e & 0x1F) + 1 <= 32;
  }

  private static boolean insertFits(int e) {
    int lsb = ((e >>> 12) & 7) << 2 | ((e >>> 6) & 3);
    return (e & 0x1F) >= lsb;
  }

  private static int sameRm(int e) {
    return (e & ~0xF) | ((e >>> 16) & 0xF);
  }

  private static boolean distinctLongDestinations(int e) {
    return ((e >>> 12) & 0xF) != ((e >>> 8) & 0xF);
  }

  private static boolean loadSize(int e) {
    int size = (e >>> 21) & 3;
    boolean signed = ((e >>> 24) & 1) != 0;
    return size != 3 && !(signed && size == 2);
  }

  /** Post-indexed and write-back forms keep r9 word aligned; plain offsets may be unaligned. */
  private static boolean wordAlignedWriteBack(int e) {
    boolean index = (e & 0x400) != 0;
    boolean writeBack = (e & 0x100) != 0;
    if (!index && !writeBack) {
      return false;
    }
    return !writeBack || (e & 3) == 0;
  }

  private static boolean dualAddressing(int e) {
    boolean index = ((e >>> 24) & 1) != 0;
    boolean writeBack = ((e >>> 21) & 1) != 0;
    return index || writeBack;
  }

  private static boolean multiple(int e) {
    int mode = (e >>> 23) & 3;
    return (mode == 1 || mode == 2) && Integer.bitCount(e & 0xFFFF) >= 2;
  }

  private static boolean parallel(int e) {
    int op = (e >>> 20) & 7;
    int flavour = (e >>> 4) & 7;
    return op != 3 && op != 7 && (flavour & 3) != 3;
  }

  private static boolean dualMultiply(int e) {
    int op = (e >>> 20) & 7;
    return op >= 2 && op <= 6 && !(op == 6 && ((e >>> 12) & 0xF) == 15);
  }
}
