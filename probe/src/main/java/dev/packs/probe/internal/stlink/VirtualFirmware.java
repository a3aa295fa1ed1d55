package dev.packs.probe.internal.stlink;

/**
 * The probe a {@link VirtualStLink} presents: hardware generation (2 or 3), JTAG/SWD, SWIM,
 * mass-storage and bridge firmware numbers, and the USB product ID.
 */
public record VirtualFirmware(int stlink, int jtag, int swim, int msc, int bridge, int productId) {
  /**
   * The STLINK-V3E of a NUCLEO-G431KB as the board shipped: firmware V3J2M1 ("STM32 Debug+Mass
   * storage+VCP", stlink-org/stlink#820), USB 0483:374E.
   */
  public static final VirtualFirmware NUCLEO_G431KB = new VirtualFirmware(3, 2, 0, 1, 0, 0x374E);

  public VirtualFirmware {
    if (stlink < 1 || stlink > 3 || jtag < 0 || jtag > 63 || swim < 0 || swim > 63 || msc < 0
        || msc > 63 || bridge < 0 || bridge > 255) {
      throw new IllegalArgumentException("no such ST-Link firmware: V" + stlink + "J" + jtag + "S"
          + swim + "M" + msc + "B" + bridge);
    }
  }

  StLinkVersion version() {
    return new StLinkVersion(stlink, jtag, swim, msc, bridge, StLinkModel.VENDOR_ID, productId);
  }

  @Override
  public String toString() {
    return "V" + stlink + "J" + jtag + (swim > 0 ? "S" + swim : "") + (msc > 0 ? "M" + msc : "")
        + (bridge > 0 ? "B" + bridge : "") + String.format(" (0483:%04X)", productId);
  }
}
