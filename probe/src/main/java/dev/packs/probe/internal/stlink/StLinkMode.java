package dev.packs.probe.internal.stlink;

import java.util.Optional;

/** The modes GET_CURRENT_MODE reports, by their code. */
enum StLinkMode {
  DFU(0),
  MASS_STORAGE(1),
  DEBUG(2),
  SWIM(3),
  BOOTLOADER(4);

  private final int code;

  StLinkMode(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  static Optional<StLinkMode> of(int code) {
    for (StLinkMode m : values()) {
      if (m.code == code) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
