package dev.packs.probe.internal.stlink;

import dev.packs.probe.internal.arm.CortexM;

import dev.packs.probe.UsbCounters;
import dev.packs.probe.ProbeException;
import dev.packs.target.MemoryAccessException;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * An ST-Link in SWD debug mode: the attach sequence (version and its gate, leaving DFU, mass-storage
 * or SWIM mode, the SWD clock, DEBUG_ENTER, INIT_AP, the target's DPIDR), then memory, debug-register
 * and core-register access within the firmware's limits, each memory command checked with
 * GETLASTRWSTATUS2. A refused access clears the DP's sticky errors before it is reported.
 */
final class StLinkSession implements AutoCloseable {
  /** How often a WAIT answer is retried, with a 1 ms << n back-off (OpenOCD's policy). */
  static final int WAIT_RETRIES = 8;
  private static final int DP_ABORT = 0x0;
  private static final int ABORT_CLEAR_ALL = 0x1E;

  private final StLinkUsb usb;
  private final StLinkVersion version;
  private final OptionalDouble targetVolts;
  private final int swdKiloHertz;
  private final int dpidr;
  private int window = 0x400;

  private StLinkSession(StLinkUsb usb, StLinkVersion version, OptionalDouble targetVolts,
      int swdKiloHertz, int dpidr) {
    this.usb = usb;
    this.version = version;
    this.targetVolts = targetVolts;
    this.swdKiloHertz = swdKiloHertz;
    this.dpidr = dpidr;
  }

  /** Brings the probe into SWD debug mode at about {@code kiloHertz} and connects to the target. */
  static StLinkSession attach(StLinkUsb usb, int kiloHertz) {
    StLinkVersion version = queryVersion(usb);
    version.requireSupported();
    OptionalDouble volts = targetVoltage(usb);
    leaveCurrentMode(usb);
    int khz = version.isV3() ? SwdClock.setV3(usb, kiloHertz) : SwdClock.setV2(usb, kiloHertz);
    checkStatus(usb.exchange(StLinkCommands.enterSwd()), "DEBUG_ENTER_SWD");
    if (version.needsInitAp()) {
      checkStatus(usb.exchange(StLinkCommands.initAp(0)), "INIT_AP");
    }
    byte[] ids = usb.exchange(StLinkCommands.readIdCodes());
    checkStatus(ids, "READ_IDCODES");
    return new StLinkSession(usb, version, volts, khz, u32(ids, 4));
  }

  /** GET_VERSION, and on a V3 GET_VERSION_EXT, which alone has the V3's real numbers. */
  static StLinkVersion queryVersion(StLinkUsb usb) {
    StLinkVersion version = StLinkVersion.fromGetVersion(usb.exchange(StLinkCommands.getVersion()));
    if (version.isV3()) {
      version = StLinkVersion.fromGetVersionExt(usb.exchange(StLinkCommands.getVersionExt()));
    }
    return version;
  }

  /** The target voltage from the probe's ADC: 2 × 1.2 V × target / reference; empty if unknown. */
  static OptionalDouble targetVoltage(StLinkUsb usb) {
    byte[] adc = usb.exchange(StLinkCommands.targetVoltage());
    long reference = u32(adc, 0) & 0xFFFF_FFFFL;
    long target = u32(adc, 4) & 0xFFFF_FFFFL;
    return reference == 0 ? OptionalDouble.empty() : OptionalDouble.of(2.4 * target / reference);
  }

  private static void leaveCurrentMode(StLinkUsb usb) {
    int code = usb.exchange(StLinkCommands.getCurrentMode())[0] & 0xFF;
    StLinkMode mode = StLinkMode.of(code).orElseThrow(() -> new ProbeException.Protocol(
        "GET_CURRENT_MODE", usb.probe() + " reported unknown mode " + code));
    switch (mode) {
      case DFU -> usb.exchange(StLinkCommands.dfuExit());
      case MASS_STORAGE -> { } // DEBUG_ENTER works from here
      case DEBUG -> usb.exchange(StLinkCommands.debugExit());
      case SWIM -> usb.exchange(StLinkCommands.swimExit());
      case BOOTLOADER -> throw new ProbeException.Unsupported("GET_CURRENT_MODE: " + usb.probe()
          + " is running its bootloader; unplug it and plug it in again");
    }
  }

  StLinkVersion version() {
    return version;
  }

  OptionalDouble targetVolts() {
    return targetVolts;
  }

  int swdKiloHertz() {
    return swdKiloHertz;
  }

  int dpidr() {
    return dpidr;
  }

  UsbCounters counters() {
    return usb.counters();
  }

  String probe() {
    return usb.probe();
  }

  StLinkModel model() {
    return usb.model();
  }

  /** The MEM-AP auto-increment window memory commands must not cross. */
  void autoIncrementWindow(int bytes) {
    this.window = bytes;
  }

  byte[] read(long address, int length) {
    byte[] out = new byte[length];
    for (MemoryChunks.Chunk c : MemoryChunks.plan(address, length, window,
        StLinkVersion.MAX_TRANSFER, version.maxTransfer8())) {
      Request r = c.wide() ? StLinkCommands.readMem32(c.address(), c.length())
          : StLinkCommands.readMem8(c.address(), c.length());
      byte[] data = transfer(r, c, false);
      System.arraycopy(data, 0, out, c.offset(), c.length());
    }
    return out;
  }

  void write(long address, byte[] data) {
    for (MemoryChunks.Chunk c : MemoryChunks.plan(address, data.length, window,
        StLinkVersion.MAX_TRANSFER, version.maxTransfer8())) {
      byte[] part = Arrays.copyOfRange(data, c.offset(), c.offset() + c.length());
      transfer(c.wide() ? StLinkCommands.writeMem32(c.address(), part)
          : StLinkCommands.writeMem8(c.address(), part), c, true);
    }
  }

  /** One memory command followed by GETLASTRWSTATUS2, retried on WAIT. */
  private byte[] transfer(Request request, MemoryChunks.Chunk c, boolean write) {
    for (int attempt = 0; ; attempt++) {
      byte[] answer = usb.exchange(request);
      byte[] status = usb.exchange(StLinkCommands.lastRwStatus2());
      int code = status[0] & 0xFF;
      if (code == StLinkStatus.OK.code()) {
        return answer;
      }
      if (StLinkStatus.of(code).isWait() && attempt < WAIT_RETRIES && backOff(attempt)) {
        continue;
      }
      long fault = u32(status, 4) & 0xFFFF_FFFFL;
      long at = fault >= c.address() && fault < c.address() + c.length() ? fault : c.address();
      throw refused(request.name(), at, write, code);
    }
  }

  /** A 32-bit word in one exchange (READ_DEBUG_REG carries its status). */
  int readWord(long address) {
    for (int attempt = 0; ; attempt++) {
      byte[] answer = usb.exchange(StLinkCommands.readDebugReg(address));
      int code = answer[0] & 0xFF;
      if (code == StLinkStatus.OK.code()) {
        return u32(answer, 4);
      }
      if (!(StLinkStatus.of(code).isWait() && attempt < WAIT_RETRIES && backOff(attempt))) {
        throw refused("READ_DEBUG_REG", address, false, code);
      }
    }
  }

  void writeWord(long address, int value) {
    for (int attempt = 0; ; attempt++) {
      int code = usb.exchange(StLinkCommands.writeDebugReg(address, value))[0] & 0xFF;
      if (code == StLinkStatus.OK.code()) {
        return;
      }
      if (!(StLinkStatus.of(code).isWait() && attempt < WAIT_RETRIES && backOff(attempt))) {
        throw refused("WRITE_DEBUG_REG", address, true, code);
      }
    }
  }

  int readRegister(int selector, String name) {
    byte[] answer = usb.exchange(StLinkCommands.readReg(selector));
    int code = answer[0] & 0xFF;
    if (code != StLinkStatus.OK.code()) {
      throw new ProbeException.TransferFailed("READREG " + name, CortexM.DCRSR,
          StLinkStatus.describe(code));
    }
    return u32(answer, 4);
  }

  void writeRegister(int selector, String name, int value) {
    int code = usb.exchange(StLinkCommands.writeReg(selector, value))[0] & 0xFF;
    if (code != StLinkStatus.OK.code()) {
      throw new ProbeException.TransferFailed("WRITEREG " + name, CortexM.DCRSR,
          StLinkStatus.describe(code));
    }
  }

  /**
   * The failure of an access: the target refusing it (an AP fault) is a {@link MemoryAccessException},
   * anything else (WAIT that never ended, DP or link errors) a {@code TransferFailed}. The sticky error
   * flags are cleared first, so the next access works.
   */
  private RuntimeException refused(String command, long address, boolean write, int code) {
    clearStickyErrors();
    StLinkStatus status = StLinkStatus.of(code);
    String detail = command + " answered " + StLinkStatus.describe(code);
    return switch (status) {
      case AP_FAULT, AP_ERROR, AP_STICKY, AP_STICKY_OVERRUN, AP_WDATA, FAULT ->
          new MemoryAccessException(address, write, detail, null);
      default -> new ProbeException.TransferFailed(command, address, StLinkStatus.describe(code)
          + (status.isWait() ? " after " + WAIT_RETRIES + " retries" : ""));
    };
  }

  /** DP ABORT with every sticky-clear bit (pyOCD's 0x1E), through WRITE_DAP_REG. */
  void clearStickyErrors() {
    checkStatus(usb.exchange(StLinkCommands.writeDapReg(StLinkCommands.DP_PORT, DP_ABORT,
        ABORT_CLEAR_ALL)), "WRITE_DAP_REG");
  }

  private static boolean backOff(int attempt) {
    try {
      Thread.sleep(1L << attempt);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Throws unless the answer's first byte is the OK status. */
  static void checkStatus(byte[] answer, String command) {
    int code = answer[0] & 0xFF;
    if (code != StLinkStatus.OK.code()) {
      throw new ProbeException.Protocol(command, "the probe answered " + StLinkStatus.describe(code));
    }
  }

  static int u32(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16
        | (b[at + 3] & 0xFF) << 24;
  }

  /** Leaves debug mode (the core keeps its state) and releases the USB interface. */
  @Override
  public void close() {
    try {
      usb.exchange(StLinkCommands.debugExit());
    } catch (RuntimeException e) {
      // the probe may be gone already; releasing the handle below is what matters
    } finally {
      usb.close();
    }
  }
}
