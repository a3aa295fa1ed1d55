package dev.packs.probe.internal.stlink;

import dev.packs.probe.ProbeException;

/**
 * An ST-Link's firmware version as GET_VERSION (and, on V3, GET_VERSION_EXT) reports it: the
 * hardware generation, the JTAG/SWD firmware number that gates the protocol, the SWIM, mass-storage
 * and bridge firmware numbers (0 when absent), and the USB IDs. Printed the way ST prints it, for
 * example {@code V3J2M1} or {@code V2J37S7}.
 */
public record StLinkVersion(int stlink, int jtag, int swim, int msc, int bridge, int vendorId,
    int productId) {
  /** The oldest V2 JTAG firmware packs accepts (see {@link #requireSupported}). */
  static final int MIN_V2_JTAG = 24;
  /** 32- and 16-bit memory commands carry at most this many bytes. */
  static final int MAX_TRANSFER = 6144;

  /** Decodes the 6-byte GET_VERSION answer: a big-endian version word, then VID and PID. */
  static StLinkVersion fromGetVersion(byte[] r) {
    int v = (r[0] & 0xFF) << 8 | (r[1] & 0xFF);
    int stlink = v >>> 12 & 0xF;
    int jtag = v >>> 6 & 0x3F;
    int third = v & 0x3F;
    int pid = u16(r, 4);
    boolean swimProbe = stlink == 2 && pid == 0x3748; // the V2 reports SWIM there, V2-1 mass storage
    return new StLinkVersion(stlink, jtag, swimProbe ? third : 0, swimProbe ? 0 : third, 0, u16(r, 2),
        pid);
  }

  /** Decodes the 12-byte GET_VERSION_EXT answer of a V3: one byte each, then VID and PID at 8. */
  static StLinkVersion fromGetVersionExt(byte[] r) {
    return new StLinkVersion(r[0] & 0xFF, r[2] & 0xFF, r[1] & 0xFF, r[3] & 0xFF, r[4] & 0xFF,
        u16(r, 8), u16(r, 10));
  }

  /**
   * Refuses firmware that lacks what packs sends. V2 needs J24: WRITE_DAP_REG, which clears the sticky
   * SWD error flags after a fault (without it one bad address ends the session), and with it
   * GETLASTRWSTATUS2 (J15) and SWD_SET_FREQ (J22). Every V3 firmware has all of these; packs only
   * speaks SWD, so the V3J2 trouble switching between JTAG and SWD that probe-rs avoids does not apply.
   */
  void requireSupported() {
    if (stlink < 2) {
      throw new ProbeException.Unsupported("GET_VERSION: ST-Link/V" + stlink + " (" + this
          + ") is not supported; packs drives ST-Link/V2, V2-1 and STLINK-V3");
    }
    if (stlink == 2 && jtag < MIN_V2_JTAG) {
      throw new ProbeException.Unsupported("GET_VERSION: ST-Link firmware " + this
          + " is too old: packs needs V2J" + MIN_V2_JTAG + " or newer, the first with WRITE_DAP_REG,"
          + " which clears sticky SWD errors after a fault; update the probe with ST's"
          + " STSW-LINK007 or STM32CubeProgrammer");
    }
  }

  /** The most bytes one 8-bit memory command carries: 512 on V3 from J6, else 64. */
  int maxTransfer8() {
    return stlink >= 3 && jtag >= 6 ? 512 : 64;
  }

  /** Whether the AP must be opened with INIT_AP before memory access (V2J28 and every V3). */
  boolean needsInitAp() {
    return stlink >= 3 || jtag >= 28;
  }

  boolean isV3() {
    return stlink >= 3;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("V").append(stlink).append('J').append(jtag);
    if (swim > 0) {
      s.append('S').append(swim);
    }
    if (msc > 0) {
      s.append('M').append(msc);
    }
    if (bridge > 0) {
      s.append('B').append(bridge);
    }
    return s.toString();
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }
}
