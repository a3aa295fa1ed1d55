package dev.packs.probe.internal.stlink;

import dev.packs.probe.UsbCounters;
import dev.packs.emulator.Emulator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A virtual ST-Link at the USB boundary: it takes the bulk transfers the real code sends, decodes the
 * 16-byte command blocks as the firmware does and drives an emulated target. It presents itself as
 * the STLINK-V3E of a NUCLEO-G431KB (or any {@link VirtualFirmware}), starts in mass-storage mode,
 * and holds the host to the hardware's rules: no debug command before DEBUG_ENTER, no memory access
 * before INIT_AP on firmware that needs it, memory commands no longer than 6144 bytes (8-bit ones no
 * longer than the firmware's 64 or 512), no empty data phase, 32-bit commands word-aligned, the AHB-AP's
 * TAR wrap and sticky errors. Breaking a rule the firmware does not document an answer for stalls
 * the endpoint, which the host sees as a USB error naming the command. It counts
 * packets and bytes, and {@link #tamper} edits chosen answers to test the host's error handling.
 */
public final class VirtualStLink implements UsbBus.Handle {
  /** The SWD clocks an STLINK-V3 offers, in kHz. */
  private static final int[] V3_CLOCKS = {24_000, 8_000, 3_300, 1_000, 200, 50, 5};
  private static final int[] V2_DIVISORS = {0, 1, 2, 3, 5, 7, 9, 10, 15, 25, 31, 40, 79, 158, 265, 798};
  private static final int OK = StLinkStatus.OK.code();

  private final Emulator emulator;
  private final VirtualFirmware firmware;
  private final StLinkModel model;
  private final VirtualCore core;
  private final VirtualAccessPort ap;
  private final Optional<Path> flashFile;
  private final Map<String, UnaryOperator<byte[]>> tampering = new HashMap<>();
  private StLinkMode mode;
  private Pending pending;
  private byte[] answer;
  private long packetsOut;
  private long packetsIn;
  private long bytesOut;
  private long bytesIn;

  /** A WRITEMEM command waiting for its data phase. */
  private record Pending(String name, long address, int length, boolean wide) {}

  VirtualStLink(Emulator emulator, VirtualFirmware firmware, StLinkMode mode,
      Optional<Path> flashFile) {
    this.emulator = Objects.requireNonNull(emulator, "emulator");
    this.firmware = Objects.requireNonNull(firmware, "firmware");
    this.model = StLinkModel.of(StLinkModel.VENDOR_ID, firmware.productId()).orElseThrow(() ->
        new IllegalArgumentException(String.format("0483:%04X is no ST-Link", firmware.productId())));
    this.flashFile = flashFile;
    this.mode = Objects.requireNonNull(mode, "mode");
    flashFile.filter(Files::exists).ifPresent(file -> VirtualG431.load(emulator, file));
    this.core = new VirtualCore(emulator);
    this.ap = new VirtualAccessPort(emulator, core);
  }

  /**
   * Opens {@code virtual-stlink[:FILE]}: a NUCLEO-G431KB's STLINK-V3E over an emulated STM32G431KB,
   * attached over SWD like a real probe. With a file, the flash starts from its contents (erased
   * when the file is missing) and is written back, atomically, when the target is closed.
   */
  public static StLinkTarget open(Path flashFile) {
    return new VirtualStLink(VirtualG431.build(), VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE,
        Optional.ofNullable(flashFile)).attach();
  }

  /**
   * Opens {@code virtual-stlink} over {@code emulator}, a device the caller built (for the flash
   * commands, the resolved target's, as for {@code --probe emulator}); {@code afterClose} runs once
   * when the target closes, or when attaching fails.
   */
  public static StLinkTarget open(Emulator emulator, Runnable afterClose) {
    return new VirtualStLink(emulator, VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE,
        Optional.empty()).attach(afterClose);
  }

  /** Runs the host side against this virtual probe: the same attach sequence as real hardware. */
  StLinkTarget attach() {
    return attach(() -> { });
  }

  private StLinkTarget attach(Runnable afterClose) {
    StLinkUsb usb = new StLinkUsb(this, model, StLinkDriver.VIRTUAL_KIND, afterClose);
    StLinkSession session;
    try {
      session = StLinkSession.attach(usb, StLinkProbes.DEFAULT_KILOHERTZ);
    } catch (RuntimeException e) {
      usb.close();
      throw e;
    }
    return StLinkTarget.attach(session, StLinkDriver.VIRTUAL_KIND, "");
  }

  Emulator emulator() {
    return emulator;
  }

  /**
   * From now on, answers to {@code command} (its name, as in errors) pass through {@code edit}; an
   * edit that returns null loses the answer, so the host's read times out.
   */
  synchronized void tamper(String command, UnaryOperator<byte[]> edit) {
    tampering.put(command, edit);
  }

  /** What the virtual probe received and sent; {@code waits} counts the answers it was asked for. */
  public synchronized UsbCounters counters() {
    return new UsbCounters(StLinkVersion.MAX_TRANSFER, packetsOut, packetsIn, bytesOut, bytesIn,
        packetsIn);
  }

  @Override
  public byte[] descriptor(int type, int index, int language) throws UsbIoException {
    throw new UsbIoException("the virtual ST-Link is opened directly, not discovered");
  }

  @Override
  public void claim(int interfaceNumber) throws UsbIoException {
    if (interfaceNumber != 0) {
      throw new UsbIoException("no interface " + interfaceNumber);
    }
  }

  @Override
  public synchronized void write(int endpoint, byte[] data, int timeoutMillis) throws UsbIoException {
    if (endpoint != model.outEndpoint()) {
      throw stall(String.format("OUT endpoint 0x%02X does not exist", endpoint));
    }
    packetsOut++;
    bytesOut += data.length;
    if (pending != null) {
      dataPhase(data);
      return;
    }
    if (data.length != Request.BLOCK) {
      throw stall("a command block of " + data.length + " bytes");
    }
    if (answer != null) {
      throw stall("a new command before the answer to the last one was read");
    }
    command(data);
  }

  @Override
  public synchronized int read(int endpoint, byte[] buffer, int timeoutMillis) throws UsbIoException {
    if (endpoint != model.inEndpoint()) {
      throw stall(String.format("IN endpoint 0x%02X does not exist", endpoint));
    }
    if (answer == null) {
      throw new UsbIoException("the probe has nothing to answer", true);
    }
    if (answer.length > buffer.length) {
      answer = null;
      throw new UsbIoException("overflow: " + buffer.length + " bytes asked for a longer answer");
    }
    int n = answer.length;
    System.arraycopy(answer, 0, buffer, 0, n);
    answer = null;
    packetsIn++;
    bytesIn += n;
    return n;
  }

  private void command(byte[] b) throws UsbIoException {
    int op = b[0] & 0xFF;
    switch (op) {
      case 0xF1 -> answer("GET_VERSION", version());
      case 0xFB -> {
        requireV3("GET_VERSION_EXT");
        answer("GET_VERSION_EXT", versionExt());
      }
      case 0xF5 -> answer("GET_CURRENT_MODE", new byte[] {(byte) mode.code(), 0});
      case 0xF7 -> answer("GET_TARGET_VOLTAGE", words(1_489, 2_048)); // 2.4 V × 2048 / 1489 = 3.30 V
      case 0xF3 -> {
        if (b[1] != 0x07) {
          throw stall(String.format("unknown DFU command 0x%02X", b[1]));
        }
        mode = StLinkMode.MASS_STORAGE;
      }
      case 0xF4 -> mode = StLinkMode.MASS_STORAGE; // SWIM_EXIT
      case 0xF2 -> debug(b);
      default -> throw stall(String.format("unknown command 0x%02X", op));
    }
  }

  private void debug(byte[] b) throws UsbIoException {
    int sub = b[1] & 0xFF;
    if (mode == StLinkMode.DFU) {
      throw stall(String.format("debug command 0x%02X in DFU mode (send DFU_EXIT first)", sub));
    }
    switch (sub) {
      case 0x30 -> {
        boolean swd = b[2] == (byte) 0xA3;
        if (swd && mode == StLinkMode.DEBUG && !(firmware.stlink() >= 3 && firmware.jtag() >= 6)) {
          // Re-entering without DEBUG_EXIT came with later V3 firmware (psdb notes V3J3-V3J5).
          answer("DEBUG_ENTER_SWD", status(StLinkStatus.FAULT.code()));
          return;
        }
        if (swd) {
          mode = StLinkMode.DEBUG;
          ap.open(!firmware.version().needsInitAp()); // newer firmware opens the AP with INIT_AP
        }
        answer("DEBUG_ENTER_SWD", status(swd ? OK : StLinkStatus.UNKNOWN_COMMAND.code()));
      }
      case 0x21 -> {
        mode = StLinkMode.MASS_STORAGE;
        ap.open(false);
      }
      case 0x43 -> swdSetFrequency(u16(b, 2));
      case 0x62 -> comFrequencies();
      case 0x61 -> setComFrequency(u32(b, 4));
      default -> {
        if (mode != StLinkMode.DEBUG) {
          throw stall(String.format("debug command 0x%02X outside debug mode (send DEBUG_ENTER)", sub));
        }
        debugMode(sub, b);
      }
    }
  }

  private void debugMode(int sub, byte[] b) throws UsbIoException {
    switch (sub) {
      case 0x31 -> answer("READ_IDCODES", words(OK, VirtualAccessPort.DPIDR, 0));
      case 0x4B -> {
        ap.open(b[2] == 0);
        answer("INIT_AP", status(b[2] == 0 ? OK : StLinkStatus.BAD_AP.code()));
      }
      case 0x4C -> {
        ap.open(false);
        answer("CLOSE_AP", status(OK));
      }
      case 0x07, 0x0C -> memoryRead(sub == 0x07, u32(b, 2), u16(b, 6));
      case 0x08, 0x0D -> memoryWrite(sub == 0x08, u32(b, 2), u16(b, 6));
      case 0x3E -> answer("GETLASTRWSTATUS2", words(ap.lastStatus(), (int) ap.lastFault(), 0));
      case 0x3B -> answer("GETLASTRWSTATUS", status(ap.lastStatus()));
      case 0x36 -> {
        long[] r = ap.readDebug(u32(b, 2));
        answer("READ_DEBUG_REG", words((int) r[0], (int) r[1]));
      }
      case 0x35 -> answer("WRITE_DEBUG_REG", status(ap.writeDebug(u32(b, 2), (int) u32(b, 6))));
      case 0x33 -> answer("READREG", core.halted() ? words(OK, core.readRegister(b[2]))
          : words(StLinkStatus.FAULT.code(), 0));
      case 0x34 -> {
        if (core.halted()) {
          core.writeRegister(b[2], (int) u32(b, 3));
        }
        answer("WRITEREG", status(core.halted() ? OK : StLinkStatus.FAULT.code()));
      }
      case 0x45 -> {
        long[] r = ap.readDap(u16(b, 2), u16(b, 4));
        answer("READ_DAP_REG", words((int) r[0], (int) r[1]));
      }
      case 0x46 -> answer("WRITE_DAP_REG", status(ap.writeDap(u16(b, 2), u16(b, 4), (int) u32(b, 6))));
      case 0x32 -> {
        core.systemReset();
        answer("RESETSYS", status(OK));
      }
      case 0x3C -> {
        if (b[2] != 1) {
          core.systemReset(); // NRST low or pulsed
        }
        answer("DRIVE_NRST", status(OK));
      }
      default -> answer("UNKNOWN", status(StLinkStatus.UNKNOWN_COMMAND.code()));
    }
  }

  private void memoryRead(boolean wide, long address, int length) throws UsbIoException {
    String name = wide ? "READMEM_32" : "READMEM_8";
    checkLength(name, wide, length);
    byte[] data = ap.read(address, length, wide);
    answer(name, length == 1 ? Arrays.copyOf(data, 2) : data); // one byte comes as two
  }

  private void memoryWrite(boolean wide, long address, int length) throws UsbIoException {
    String name = wide ? "WRITEMEM_32" : "WRITEMEM_8";
    checkLength(name, wide, length);
    pending = new Pending(name, address, length, wide);
  }

  private void dataPhase(byte[] data) throws UsbIoException {
    Pending p = pending;
    pending = null;
    if (data.length != p.length()) {
      throw stall(p.name() + " announced " + p.length() + " bytes and sent " + data.length);
    }
    ap.write(p.address(), data, p.wide());
  }

  private void checkLength(String name, boolean wide, int length) throws UsbIoException {
    int limit = wide ? StLinkVersion.MAX_TRANSFER : firmware.version().maxTransfer8();
    if (length == 0) {
      throw stall(name + " with an empty data phase");
    }
    if (length > limit) {
      throw stall(name + " of " + length + " bytes exceeds the " + limit + "-byte limit of "
          + firmware.version());
    }
  }

  private void swdSetFrequency(int divisor) throws UsbIoException {
    if (firmware.stlink() >= 3) {
      answer("SWD_SET_FREQ", status(StLinkStatus.UNKNOWN_COMMAND.code()));
      return;
    }
    boolean known = Arrays.stream(V2_DIVISORS).anyMatch(d -> d == divisor);
    answer("SWD_SET_FREQ", status(known ? OK : StLinkStatus.FREQUENCY.code()));
  }

  private void comFrequencies() throws UsbIoException {
    requireV3("GET_COM_FREQ");
    ByteBuffer b = ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN);
    b.put(0, (byte) OK).put(8, (byte) V3_CLOCKS.length);
    for (int i = 0; i < V3_CLOCKS.length; i++) {
      b.putInt(12 + 4 * i, V3_CLOCKS[i]);
    }
    answer("GET_COM_FREQ", b.array());
  }

  private void setComFrequency(long kiloHertz) throws UsbIoException {
    requireV3("SET_COM_FREQ");
    int chosen = Arrays.stream(V3_CLOCKS).filter(k -> k <= kiloHertz).max().orElse(0);
    answer("SET_COM_FREQ", chosen == 0 ? words(StLinkStatus.FREQUENCY.code(), 0) : words(OK, chosen));
  }

  private byte[] version() {
    int third = firmware.stlink() == 2 && firmware.productId() == 0x3748 ? firmware.swim() : firmware.msc();
    int v = firmware.stlink() << 12 | firmware.jtag() << 6 | third;
    return ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).put((byte) (v >>> 8)).put((byte) v)
        .putShort((short) StLinkModel.VENDOR_ID).putShort((short) firmware.productId()).array();
  }

  private byte[] versionExt() {
    return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).put((byte) firmware.stlink())
        .put((byte) firmware.swim()).put((byte) firmware.jtag()).put((byte) firmware.msc())
        .put((byte) firmware.bridge()).put(new byte[3]).putShort((short) StLinkModel.VENDOR_ID)
        .putShort((short) firmware.productId()).array();
  }

  private void requireV3(String name) throws UsbIoException {
    if (firmware.stlink() < 3) {
      throw stall(name + " is a V3 command; this is " + firmware);
    }
  }

  private void answer(String name, byte[] bytes) {
    UnaryOperator<byte[]> edit = tampering.get(name);
    answer = edit == null ? bytes : edit.apply(bytes.clone());
  }

  private static byte[] status(int code) {
    return new byte[] {(byte) code, 0};
  }

  /** Little-endian words; the first holds a status in its low byte. */
  private static byte[] words(int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  private static UsbIoException stall(String why) {
    return new UsbIoException("stall: " + why);
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int at) {
    return Integer.toUnsignedLong(StLinkSession.u32(b, at));
  }

  /** Writes the flash back to its file, if it has one. */
  @Override
  public synchronized void close() {
    flashFile.ifPresent(file -> VirtualG431.save(emulator, file));
  }
}
