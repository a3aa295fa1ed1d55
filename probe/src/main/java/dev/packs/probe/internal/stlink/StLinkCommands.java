package dev.packs.probe.internal.stlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes every ST-Link command packs sends (facts: OpenOCD {@code stlink_usb.c}, pyOCD
 * {@code stlink/constants.py}). Debug commands start with 0xF2; multi-byte fields are
 * little-endian. Memory commands end with the AP number (0) and leave the CSW bytes 0, the default.
 */
final class StLinkCommands {
  static final int DEBUG = 0xF2;
  /** The DAP "port" of READ_DAP_REG/WRITE_DAP_REG that means the debug port itself. */
  static final int DP_PORT = 0xFFFF;

  private StLinkCommands() {}

  static Request getVersion() {
    return answer("GET_VERSION", 6, 0xF1);
  }

  static Request getVersionExt() {
    return answer("GET_VERSION_EXT", 12, 0xFB);
  }

  static Request getCurrentMode() {
    return answer("GET_CURRENT_MODE", 2, 0xF5);
  }

  static Request targetVoltage() {
    return answer("GET_TARGET_VOLTAGE", 8, 0xF7);
  }

  static Request dfuExit() {
    return answer("DFU_EXIT", 0, 0xF3, 0x07);
  }

  static Request swimExit() {
    return answer("SWIM_EXIT", 0, 0xF4, 0x01);
  }

  static Request debugExit() {
    return answer("DEBUG_EXIT", 0, DEBUG, 0x21);
  }

  /** DEBUG_ENTER in SWD mode without reset (0xA3). */
  static Request enterSwd() {
    return answer("DEBUG_ENTER_SWD", 2, DEBUG, 0x30, 0xA3);
  }

  static Request readIdCodes() {
    return answer("READ_IDCODES", 12, DEBUG, 0x31);
  }

  /** V2: SWD clock by divisor. */
  static Request swdSetFrequency(int divisor) {
    return new Request("SWD_SET_FREQ", block(b -> b.put((byte) DEBUG).put((byte) 0x43)
        .putShort((short) divisor)), new byte[0], 2);
  }

  /** V3: the SWD frequencies the probe offers. */
  static Request getComFrequencies() {
    return answer("GET_COM_FREQ", 52, DEBUG, 0x62, 0x00);
  }

  /** V3: SWD (protocol 0) clock in kHz; answers the frequency it chose. */
  static Request setComFrequency(int kiloHertz) {
    return new Request("SET_COM_FREQ", block(b -> b.put((byte) DEBUG).put((byte) 0x61).put((byte) 0)
        .put((byte) 0).putInt(kiloHertz)), new byte[0], 8);
  }

  static Request initAp(int ap) {
    return answer("INIT_AP", 2, DEBUG, 0x4B, ap, 0x00);
  }

  static Request readMem32(long address, int length) {
    return memory("READMEM_32", 0x07, address, length, new byte[0], length);
  }

  static Request writeMem32(long address, byte[] data) {
    return memory("WRITEMEM_32", 0x08, address, data.length, data, 0);
  }

  /** A 1-byte read answers 2 bytes (the second is junk), so the receive buffer has room for them. */
  static Request readMem8(long address, int length) {
    return memory("READMEM_8", 0x0C, address, length, new byte[0], Math.max(2, length));
  }

  static Request writeMem8(long address, byte[] data) {
    return memory("WRITEMEM_8", 0x0D, address, data.length, data, 0);
  }

  /** Status of the last memory command: status, 3 pad bytes, fault address, 4 more bytes. */
  static Request lastRwStatus2() {
    return answer("GETLASTRWSTATUS2", 12, DEBUG, 0x3E);
  }

  /** One 32-bit word at any address, with the status embedded in the answer. */
  static Request readDebugReg(long address) {
    return new Request("READ_DEBUG_REG", block(b -> b.put((byte) DEBUG).put((byte) 0x36)
        .putInt((int) address).put((byte) 0)), new byte[0], 8);
  }

  static Request writeDebugReg(long address, int value) {
    return new Request("WRITE_DEBUG_REG", block(b -> b.put((byte) DEBUG).put((byte) 0x35)
        .putInt((int) address).putInt(value).put((byte) 0)), new byte[0], 2);
  }

  /** A core register by its DCRSR selector; the value follows the status at offset 4. */
  static Request readReg(int selector) {
    return answer("READREG", 8, DEBUG, 0x33, selector);
  }

  static Request writeReg(int selector, int value) {
    return new Request("WRITEREG", block(b -> b.put((byte) DEBUG).put((byte) 0x34)
        .put((byte) selector).putInt(value)), new byte[0], 2);
  }

  static Request readDapReg(int port, int address) {
    return new Request("READ_DAP_REG", block(b -> b.put((byte) DEBUG).put((byte) 0x45)
        .putShort((short) port).putShort((short) address)), new byte[0], 8);
  }

  static Request writeDapReg(int port, int address, int value) {
    return new Request("WRITE_DAP_REG", block(b -> b.put((byte) DEBUG).put((byte) 0x46)
        .putShort((short) port).putShort((short) address).putInt(value)), new byte[0], 2);
  }

  private static Request memory(String name, int op, long address, int length, byte[] data,
      int answer) {
    return new Request(name, block(b -> b.put((byte) DEBUG).put((byte) op).putInt((int) address)
        .putShort((short) length).put((byte) 0)), data, answer);
  }

  private static Request answer(String name, int answerLength, int... bytes) {
    byte[] block = new byte[Request.BLOCK];
    for (int i = 0; i < bytes.length; i++) {
      block[i] = (byte) bytes[i];
    }
    return new Request(name, block, new byte[0], answerLength);
  }

  private static byte[] block(java.util.function.Consumer<ByteBuffer> fill) {
    ByteBuffer b = ByteBuffer.allocate(Request.BLOCK).order(ByteOrder.LITTLE_ENDIAN);
    fill.accept(b);
    return b.array();
  }
}
