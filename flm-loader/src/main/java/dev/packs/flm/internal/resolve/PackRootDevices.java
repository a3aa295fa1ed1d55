package dev.packs.flm.internal.resolve;

import dev.packs.cache.PackRoot;
import java.util.List;

/** The devices of the packs installed under a pack root. */
public final class PackRootDevices implements InstalledDevices {
  private final PackRoot root;

  public PackRootDevices(PackRoot root) {
    this.root = root;
  }

  @Override
  public List<DeviceEntry> candidates(String target) {
    // Filled in once the index module's descriptor reader is on main.
    return List.of();
  }

  public PackRoot root() {
    return root;
  }
}
