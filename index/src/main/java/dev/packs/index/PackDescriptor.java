package dev.packs.index;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a pack descriptor ({@code .pdsc}) that packs uses: the package header, releases
 * newest first, required packs, the device tree as written (see {@link DeviceResolver} for the
 * effective devices) and boards.
 *
 * @param source names the file it came from, for messages
 * @param problems the elements that could not be read (a number that is not a number, an address
 *     beyond 32 bits, a device without a name) and were left out, one line each naming the source,
 *     where the element is and why; empty for a sound descriptor
 */
public record PackDescriptor(
    String vendor,
    String name,
    String description,
    Optional<String> url,
    List<Release> releases,
    List<Requirement> requirements,
    List<DeviceNode> devices,
    List<Board> boards,
    String source,
    List<String> problems) {

  public PackDescriptor {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(source, "source");
    releases =
        releases.stream()
            .sorted(Comparator.comparing(Release::version).reversed())
            .toList();
    requirements = List.copyOf(requirements);
    devices = List.copyOf(devices);
    boards = List.copyOf(boards);
    problems = List.copyOf(problems);
  }

  /** The newest release, which is the pack's version; absent when the descriptor lists none. */
  public Optional<Version> version() {
    return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(0).version());
  }

  /** {@code Vendor.Name}, the pack's identity without version. */
  public String fullName() {
    return vendor + "." + name;
  }

  /** One {@code <release>}. */
  public record Release(
      Version version,
      Optional<String> date,
      Optional<String> url,
      Optional<String> deprecated,
      Optional<String> replacement,
      String text) {
    public Release {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(deprecated, "deprecated");
      Objects.requireNonNull(replacement, "replacement");
      Objects.requireNonNull(text, "text");
    }
  }

  /** One {@code <requirements><packages><package>}: another pack this one needs. */
  public record Requirement(String vendor, String name, VersionRequirement versions) {
    public Requirement {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(versions, "versions");
    }
  }

  /** One {@code <board>} and the devices mounted on it. */
  public record Board(
      String vendor,
      String name,
      Optional<String> revision,
      List<BoardDevice> mountedDevices,
      List<BoardDevice> compatibleDevices) {
    public Board {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(revision, "revision");
      mountedDevices = List.copyOf(mountedDevices);
      compatibleDevices = List.copyOf(compatibleDevices);
    }
  }

  /** A device on a board, named by {@code Dname} and optionally {@code Dvendor}. */
  public record BoardDevice(Optional<String> vendor, String name, Optional<Integer> deviceIndex) {
    public BoardDevice {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(deviceIndex, "deviceIndex");
    }
  }
}
