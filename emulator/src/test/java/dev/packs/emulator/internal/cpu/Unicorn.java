package dev.packs.emulator.internal.cpu;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/**
 * The Unicorn engine (Debian libunicorn2) through JNA, as a correctness oracle for tests only. It
 * runs M-profile Thumb code on QEMU's Cortex-M0 or Cortex-M4 model.
 */
final class Unicorn implements AutoCloseable {
  /** The C API subset used here; size_t is passed as long (LP64). */
  interface Api extends Library {
    int uc_open(int arch, int mode, PointerByReference uc);

    int uc_ctl(Pointer uc, int control, Object... args);

    int uc_mem_map(Pointer uc, long address, long size, int perms);

    int uc_mem_write(Pointer uc, long address, byte[] bytes, long size);

    int uc_mem_read(Pointer uc, long address, byte[] bytes, long size);

    int uc_reg_write(Pointer uc, int regid, LongByReference value);

    int uc_reg_read(Pointer uc, int regid, LongByReference value);

    int uc_emu_start(Pointer uc, long begin, long until, long timeout, long count);

    int uc_close(Pointer uc);

    String uc_strerror(int code);
  }

  static final int REG_LR = 10;
  static final int REG_PC = 11;
  static final int REG_SP = 12;
  static final int REG_R0 = 66;
  static final int REG_R8 = 74;
  static final int REG_XPSR = 120;
  static final int ERR_EXCEPTION = 21;

  private static final int ARCH_ARM = 1;
  private static final int MODE_THUMB_MCLASS = 16 | 32;
  private static final int CTL_WRITE_CPU_MODEL = 0x4400_0007;
  private static final int CTL_WRITE_TB_REMOVE_CACHE = 0x4800_0009;
  private static final int CPU_CORTEX_M0 = 7;
  private static final int CPU_CORTEX_M4 = 9;
  private static final int CPU_CORTEX_M33 = 11;
  private static final int PERM_ALL = 7;

  private static final Optional<Api> API = load();
  private static String loadFailure = "";

  private final Api api;
  private final Pointer uc;

  private static Optional<Api> load() {
    try {
      return Optional.of(Native.load("unicorn", Api.class));
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      try {
        return Optional.of(Native.load("libunicorn.so.2", Api.class));
      } catch (UnsatisfiedLinkError | NoClassDefFoundError e2) {
        loadFailure = e2.getMessage();
        return Optional.empty();
      }
    }
  }

  static boolean available() {
    return API.isPresent();
  }

  static String unavailableReason() {
    return "libunicorn.so.2 (Debian libunicorn2) could not be loaded through JNA: " + loadFailure
        + "; install it with `apt-get install libunicorn2` to run the Unicorn differential tests";
  }

  /** Opens a Cortex-M0 for ARMv6-M, a Cortex-M33 for ARMv8-M Mainline and a Cortex-M4 otherwise. */
  Unicorn(Architecture arch) {
    this.api = API.orElseThrow(() -> new IllegalStateException(unavailableReason()));
    PointerByReference handle = new PointerByReference();
    check(api.uc_open(ARCH_ARM, MODE_THUMB_MCLASS, handle), "uc_open");
    this.uc = handle.getValue();
    int model = switch (arch) {
      case ARMV6M -> CPU_CORTEX_M0;
      case ARMV8M_MAINLINE -> CPU_CORTEX_M33;
      default -> CPU_CORTEX_M4;
    };
    check(api.uc_ctl(uc, CTL_WRITE_CPU_MODEL, model), "uc_ctl(CPU_MODEL)");
  }

  /** Drops code translated from [begin, end) (UC_CTL_TB_REMOVE_CACHE), so rewritten code is decoded afresh. */
  boolean flushTranslations(int begin, int end) {
    return api.uc_ctl(uc, CTL_WRITE_TB_REMOVE_CACHE, begin & 0xFFFF_FFFFL, end & 0xFFFF_FFFFL) == 0;
  }

  void map(int address, int size) {
    check(api.uc_mem_map(uc, address & 0xFFFF_FFFFL, size, PERM_ALL), "uc_mem_map");
  }

  void write(int address, byte[] bytes) {
    check(api.uc_mem_write(uc, address & 0xFFFF_FFFFL, bytes, bytes.length), "uc_mem_write");
  }

  byte[] read(int address, int size) {
    byte[] bytes = new byte[size];
    check(api.uc_mem_read(uc, address & 0xFFFF_FFFFL, bytes, size), "uc_mem_read");
    return bytes;
  }

  void setReg(int id, int value) {
    check(api.uc_reg_write(uc, id, new LongByReference(value & 0xFFFF_FFFFL)), "uc_reg_write");
  }

  int reg(int id) {
    LongByReference value = new LongByReference(0);
    check(api.uc_reg_read(uc, id, value), "uc_reg_read");
    return (int) value.getValue();
  }

  /** Runs from {@code begin} until the PC reaches {@code until}; returns Unicorn's error code. */
  int run(int begin, int until, long maxInstructions) {
    return api.uc_emu_start(uc, (begin | 1) & 0xFFFF_FFFFL, until & 0xFFFF_FFFFL, 0, maxInstructions);
  }

  String describe(int code) {
    return api.uc_strerror(code);
  }

  private void check(int code, String call) {
    if (code != 0) {
      throw new IllegalStateException(call + " failed: " + code + " " + api.uc_strerror(code));
    }
  }

  @Override
  public void close() {
    api.uc_close(uc);
  }
}
