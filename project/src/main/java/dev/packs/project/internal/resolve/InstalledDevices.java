package dev.packs.project.internal.resolve;

import java.util.List;

/** The devices of the installed packs that a target name could mean. */
public interface InstalledDevices {
  /**
   * Every installed device (one entry per pack and processor) whose name might match {@code
   * target}; may return more, never fewer. Suggestions for unknown names come from this list.
   */
  List<DeviceEntry> candidates(String target);
}
