package dev.packs.probe.internal.stlink;

import dev.packs.emulator.Emulator;
import dev.packs.target.MemoryAccessException;

/**
 * The SW-DP and AHB-AP behind the virtual ST-Link: memory commands over the emulator and the core's
 * debug registers, with the AHB-AP's 4 KiB TAR wrap, the sticky error a refused access leaves (every
 * later access fails until DP ABORT clears it), and the status and fault address the last memory
 * command left for GETLASTRWSTATUS2.
 */
final class VirtualAccessPort {
  static final int DPIDR = 0x2BA0_1477;
  private static final int AHB_AP_IDR = 0x2477_0011;
  private static final int WRAP = 0x1000;
  private static final int OK = StLinkStatus.OK.code();

  private final Emulator emulator;
  private final VirtualCore core;
  private boolean open;
  private boolean sticky;
  private int lastStatus = OK;
  private long lastFault;

  VirtualAccessPort(Emulator emulator, VirtualCore core) {
    this.emulator = emulator;
    this.core = core;
  }

  void open(boolean open) {
    this.open = open;
  }

  int lastStatus() {
    return lastStatus;
  }

  long lastFault() {
    return lastFault;
  }

  /** READMEM_32/READMEM_8: {@code length} bytes, zeros from the first refused access on. */
  byte[] read(long address, int length, boolean wide) {
    byte[] out = new byte[length];
    if (!start(address, length, wide)) {
      return out;
    }
    int step = wide ? 4 : 1;
    for (int i = 0; i < length; i += step) {
      long at = wrapped(address, i);
      try {
        int value = wide ? word(at) : byteAt(at);
        for (int b = 0; b < step; b++) {
          out[i + b] = (byte) (value >>> (8 * b));
        }
      } catch (MemoryAccessException e) {
        refuse(at);
        break;
      }
    }
    return out;
  }

  /** WRITEMEM_32/WRITEMEM_8 with its data phase. */
  void write(long address, byte[] data, boolean wide) {
    if (!start(address, data.length, wide)) {
      return;
    }
    int step = wide ? 4 : 1;
    for (int i = 0; i < data.length; i += step) {
      long at = wrapped(address, i);
      try {
        if (wide) {
          writeWord(at, StLinkSession.u32(data, i));
        } else {
          writeByte(at, data[i]);
        }
      } catch (MemoryAccessException e) {
        refuse(at);
        return;
      }
    }
  }

  private boolean start(long address, int length, boolean wide) {
    lastFault = 0;
    lastStatus = !open ? StLinkStatus.BAD_AP.code()
        : wide && (address % 4 != 0 || length % 4 != 0) ? StLinkStatus.ALIGNMENT.code()
        : sticky ? StLinkStatus.AP_STICKY.code() : OK;
    if (lastStatus == StLinkStatus.ALIGNMENT.code() || lastStatus == StLinkStatus.AP_STICKY.code()) {
      lastFault = address;
    }
    return lastStatus == OK;
  }

  /** The i-th byte of a burst: TAR increments only within its 4 KiB window, then wraps. */
  private static long wrapped(long address, int i) {
    return (address & ~(long) (WRAP - 1)) | ((address + i) & (WRAP - 1));
  }

  private void refuse(long at) {
    lastStatus = StLinkStatus.AP_FAULT.code();
    lastFault = at;
    sticky = true;
  }

  /** READ_DEBUG_REG: the status and the word, as the 8-byte answer carries them. */
  long[] readDebug(long address) {
    int status = check(address);
    if (status != OK) {
      return new long[] {status, 0};
    }
    try {
      return new long[] {OK, word(address)};
    } catch (MemoryAccessException e) {
      sticky = true;
      return new long[] {StLinkStatus.AP_FAULT.code(), 0};
    }
  }

  int writeDebug(long address, int value) {
    int status = check(address);
    if (status != OK) {
      return status;
    }
    try {
      writeWord(address, value);
      return OK;
    } catch (MemoryAccessException e) {
      sticky = true;
      return StLinkStatus.AP_FAULT.code();
    }
  }

  private int check(long address) {
    return !open ? StLinkStatus.BAD_AP.code() : address % 4 != 0 ? StLinkStatus.ALIGNMENT.code()
        : sticky ? StLinkStatus.AP_STICKY.code() : OK;
  }

  /** READ_DAP_REG: DP (port 0xFFFF) DPIDR, CTRL/STAT, RDBUFF; AP 0 CSW, BASE, IDR. */
  long[] readDap(int port, int register) {
    if (port == StLinkCommands.DP_PORT) {
      int value = switch (register) {
        case 0x0 -> DPIDR;
        case 0x4 -> 0xF000_0040 | (sticky ? 0x20 : 0); // power-up acks, READOK, STICKYERR
        default -> 0;
      };
      return new long[] {OK, value};
    }
    if (port != 0 || !open) {
      return new long[] {StLinkStatus.BAD_AP.code(), 0};
    }
    int value = switch (register) {
      case 0x00 -> 0x2300_0052;
      case 0xF8 -> 0xE00F_F003;
      case 0xFC -> AHB_AP_IDR;
      default -> 0;
    };
    return new long[] {OK, value};
  }

  /** WRITE_DAP_REG: DP ABORT with STKERRCLR (0x04) clears the sticky error; other writes are kept out. */
  int writeDap(int port, int register, int value) {
    if (port == StLinkCommands.DP_PORT) {
      if (register == 0x0 && (value & 0x04) != 0) {
        sticky = false;
      }
      return OK;
    }
    return port == 0 && open ? OK : StLinkStatus.BAD_AP.code();
  }

  private int word(long address) {
    return VirtualCore.owns(address) ? core.read(address) : emulator.readWord(address);
  }

  private void writeWord(long address, int value) {
    if (VirtualCore.owns(address)) {
      core.write(address, value);
    } else {
      emulator.writeWord(address, value);
    }
  }

  private int byteAt(long address) {
    long word = address & ~3L;
    if (VirtualCore.owns(word)) {
      return core.read(word) >>> (8 * (int) (address & 3)) & 0xFF;
    }
    return emulator.read(address, 1)[0] & 0xFF;
  }

  private void writeByte(long address, byte value) {
    long word = address & ~3L;
    if (VirtualCore.owns(word)) {
      int shift = 8 * (int) (address & 3);
      int old = core.read(word);
      core.write(word, old & ~(0xFF << shift) | (value & 0xFF) << shift);
    } else {
      emulator.write(address, new byte[] {value});
    }
  }
}
