package dev.packs.probe.internal.dap;

/**
 * How the virtual CMSIS-DAP probe presents itself: packet size and count, capabilities (bit 0 SWD,
 * bit 4 atomic commands), the DPIDR of its SW-DP, how many instructions the core runs per SWD
 * transfer, and where the vector table is when address 0 holds none.
 */
public record VirtualDapConfig(int packetSize, int packetCount, int capabilities, int dpidr,
    int instructionsPerTransfer, long bootAddress) {
  /** A high-speed bulk probe like the reference firmware: 512 bytes, 8 packets, SWD and atomic commands. */
  public static final VirtualDapConfig DEFAULT =
      new VirtualDapConfig(512, 8, DapInfo.CAP_SWD | DapInfo.CAP_ATOMIC, 0x2BA0_1477, 1000, 0x0800_0000L);

  public VirtualDapConfig {
    if (packetSize < 64 || packetSize > 0x8000 || packetCount < 1 || packetCount > 255) {
      throw new IllegalArgumentException(
          "packet size 64..32768 and count 1..255, not " + packetSize + "/" + packetCount);
    }
    if (instructionsPerTransfer < 1) {
      throw new IllegalArgumentException("instructions per transfer must be positive");
    }
  }

  /** A full-speed HID probe: 64-byte reports, one at a time, no atomic commands. */
  public static VirtualDapConfig fullSpeedHid() {
    return new VirtualDapConfig(64, 1, DapInfo.CAP_SWD, 0x2BA0_1477, 1000, 0x0800_0000L);
  }

  public VirtualDapConfig withPacket(int size, int count) {
    return new VirtualDapConfig(size, count, capabilities, dpidr, instructionsPerTransfer, bootAddress);
  }

  public VirtualDapConfig withCapabilities(int caps) {
    return new VirtualDapConfig(packetSize, packetCount, caps, dpidr, instructionsPerTransfer, bootAddress);
  }
}
