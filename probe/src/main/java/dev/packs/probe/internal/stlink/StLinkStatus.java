package dev.packs.probe.internal.stlink;

/** The status byte ST-Link debug commands answer, and what each code means. */
enum StLinkStatus {
  OK(0x80, "ok"),
  FAULT(0x81, "the command failed"),
  NO_DEVICE(0x05, "no target answers on SWD: check the wiring, the target power and its reset"),
  IDCODE_ERROR(0x09, "the target's IDCODE could not be read"),
  ALIGNMENT(0x0A, "address or length not aligned for this access size"),
  WRITE_ERROR(0x0C, "write error"),
  WRITE_VERIFY_ERROR(0x0D, "write verify error"),
  AP_WAIT(0x10, "SWD AP WAIT"),
  AP_FAULT(0x11, "SWD AP FAULT: the target refused the access"),
  AP_ERROR(0x12, "SWD AP error"),
  AP_PARITY(0x13, "SWD AP parity error"),
  DP_WAIT(0x14, "SWD DP WAIT"),
  DP_FAULT(0x15, "SWD DP FAULT"),
  DP_ERROR(0x16, "SWD DP error"),
  DP_PARITY(0x17, "SWD DP parity error"),
  AP_WDATA(0x18, "SWD AP write data error"),
  AP_STICKY(0x19, "SWD AP sticky error still set"),
  AP_STICKY_OVERRUN(0x1A, "SWD AP sticky overrun"),
  BAD_AP(0x1D, "bad or closed access port"),
  TOO_MANY_AP(0x29, "access port number out of range"),
  FREQUENCY(0x41, "SWD frequency not supported"),
  UNKNOWN_COMMAND(0x42, "the firmware does not know this command"),
  UNKNOWN(-1, "unknown status");

  private final int code;
  private final String meaning;

  StLinkStatus(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  static StLinkStatus of(int code) {
    for (StLinkStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    return UNKNOWN;
  }

  int code() {
    return code;
  }

  boolean isWait() {
    return this == AP_WAIT || this == DP_WAIT;
  }

  /** How messages show a status: {@code status 0x11 (SWD AP FAULT: …)}. */
  static String describe(int code) {
    return String.format("status 0x%02X (%s)", code, of(code).meaning);
  }
}
