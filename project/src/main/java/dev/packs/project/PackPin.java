package dev.packs.project;

import dev.packs.index.IndexException;
import dev.packs.index.PackId;
import dev.packs.index.VersionRequirement;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target's pack pin from {@code packs.yaml}: {@code Vendor::Name@1.2.0} selects exactly that
 * version, {@code Vendor::Name} the newest installed version of that pack.
 */
public record PackPin(String vendor, String name, Optional<String> version) {
  private static final Pattern FORM =
      Pattern.compile("([A-Za-z0-9_\\-]+)::([A-Za-z0-9_\\-]+)(?:@([0-9][0-9A-Za-z.+\\-]*))?");

  public PackPin {
    requireWord(vendor, "vendor");
    requireWord(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /**
   * Parses {@code Vendor::Name@Version} or {@code Vendor::Name}, and the dotted cpackget forms
   * {@code Vendor.Name.Version} and {@code Vendor.Name}. A pin is exact: ranges such as {@code @^1.2.0}
   * are refused.
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static PackPin parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (m.matches()) {
      return new PackPin(m.group(1), m.group(2), Optional.ofNullable(m.group(3)));
    }
    try {
      PackId id = PackId.parse(text);
      if (id.vendor().isPresent() && id.requirement() instanceof VersionRequirement.Exact exact) {
        return new PackPin(id.vendor().get(), id.name(), Optional.of(exact.version().toString()));
      }
      if (id.vendor().isPresent() && id.requirement() instanceof VersionRequirement.Any) {
        return new PackPin(id.vendor().get(), id.name(), Optional.empty());
      }
    } catch (IndexException.BadPackId e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a pack pin; expected Vendor::Name@Version, e.g."
            + " Keil::STM32G4xx_DFP@1.2.0 (an exact version, or none for the newest installed)");
  }

  /** True when this pin names the given pack (vendor and name compared without case). */
  public boolean names(String packVendor, String packName) {
    return vendor.equalsIgnoreCase(packVendor) && name.equalsIgnoreCase(packName);
  }

  @Override
  public String toString() {
    return vendor + "::" + name + version.map(v -> "@" + v).orElse("");
  }

  private static void requireWord(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("pack pin " + what + " is empty");
    }
  }
}
