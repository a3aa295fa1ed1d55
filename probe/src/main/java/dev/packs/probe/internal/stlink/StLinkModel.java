package dev.packs.probe.internal.stlink;

import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeSelector;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The ST-Link generations packs drives, by USB product ID (vendor 0x0483), with the bulk endpoints
 * of their debug interface. V2 and V2-1 are full-speed devices, V3 high-speed. The V3 USB loaders
 * (0x374D, 0x3755) and the V1 (0x3744, SCSI framing) are not debug probes for us.
 */
enum StLinkModel {
  V2("ST-LINK/V2", List.of(0x3748), 0x02, 0x81),
  /** 0x374B with mass storage, 0x374A with audio, 0x3752 without mass storage. */
  V2_1("ST-LINK/V2-1", List.of(0x374B, 0x374A, 0x3752), 0x01, 0x81),
  /** 0x374E V3E (Nucleo on-board), 0x374F V3SET, 0x3753 two VCPs, 0x3754 no mass storage, 0x3757 V3PWR. */
  V3("STLINK-V3", List.of(0x374E, 0x374F, 0x3753, 0x3754, 0x3757), 0x01, 0x81);

  static final int VENDOR_ID = 0x0483;

  private final String product;
  private final List<Integer> productIds;
  private final int outEndpoint;
  private final int inEndpoint;

  StLinkModel(String product, List<Integer> productIds, int outEndpoint, int inEndpoint) {
    this.product = product;
    this.productIds = productIds;
    this.outEndpoint = outEndpoint;
    this.inEndpoint = inEndpoint;
  }

  static Optional<StLinkModel> of(int vendorId, int productId) {
    if (vendorId != VENDOR_ID) {
      return Optional.empty();
    }
    for (StLinkModel model : values()) {
      if (model.productIds.contains(productId)) {
        return Optional.of(model);
      }
    }
    return Optional.empty();
  }

  String product() {
    return product;
  }

  /**
   * How the shared probe API describes an ST-Link of this model: kind ({@code stlink} or
   * {@code virtual-stlink}), serial, firmware as ST prints it, protocol {@code V2}, {@code V2-1} or
   * {@code V3} ({@code virtual} with USB IDs 0 for the virtual probe), and the target voltage.
   */
  ProbeInfo probeInfo(String kind, String serial, int productId, Optional<StLinkVersion> firmware,
      OptionalDouble volts) {
    boolean virtual = kind.startsWith(ProbeSelector.VIRTUAL_PREFIX);
    return new ProbeInfo(kind, "STMicroelectronics", product, serial,
        firmware.map(StLinkVersion::toString).orElse(""), virtual ? "virtual" : name().replace('_', '-'),
        virtual ? 0 : VENDOR_ID, virtual ? 0 : productId, volts);
  }

  int outEndpoint() {
    return outEndpoint;
  }

  int inEndpoint() {
    return inEndpoint;
  }
}
