package dev.packs.project.internal.config;

import dev.packs.flm.RamWindow;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.packs.project.PackPin;
import dev.packs.project.ProjectConfig;
import dev.packs.project.ProjectException;
import dev.packs.project.TargetConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads {@code packs.yaml} into a {@link ProjectConfig}. Unknown fields and keys given twice are
 * errors, so a typo never silently falls back to the pack default and a second block never silently
 * wins.
 *
 * <pre>
 * targets:
 *   stm32g431kbtx:
 *     pack: Keil::STM32G4xx_DFP@1.2.0
 *     algorithm: STM32G4xx_128
 *     flm: algos/fixed.flm            # or a map: {default: a.flm, 0x08040000: b.flm}
 *     ram: {start: 0x20000000, size: 0x8000}
 * </pre>
 */
public final class ConfigReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TARGET_FIELDS = Set.of("pack", "algorithm", "flm", "ram");

  private ConfigReader() {}

  public static ProjectConfig read(Path file) {
    String text;
    try {
      text = ConfigText.read(file);
    } catch (IOException e) {
      throw new ProjectException.FileFailure(file, "cannot read", e);
    }
    return parse(text, file);
  }

  /** Parses config text; {@code file} names it in errors and becomes the config's source. */
  public static ProjectConfig parse(String text, Path file) {
    DuplicateKeys.check(YAML.getFactory(), text, file);
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ProjectException.BadConfig(file, "", "not valid YAML" + where + ": " + e.getOriginalMessage(), e);
    }
    SortedMap<String, TargetConfig> targets = new TreeMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new ProjectConfig(Optional.of(file), targets);
    }
    Fields fields = new Fields(file);
    fields.requireObject(root, "");
    fields.rejectUnknown(root, "", Set.of("targets"));
    JsonNode list = root.path("targets");
    if (list.isMissingNode() || list.isNull()) {
      return new ProjectConfig(Optional.of(file), targets);
    }
    fields.requireObject(list, "targets");
    Map<String, String> seen = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = list.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String lower = e.getKey().toLowerCase(Locale.ROOT);
      String earlier = seen.put(lower, e.getKey());
      if (earlier != null) {
        throw fields.bad("targets." + e.getKey(), "same target as '" + earlier + "' (names ignore case)");
      }
      targets.put(e.getKey(), target(e.getKey(), e.getValue(), fields));
    }
    return new ProjectConfig(Optional.of(file), targets);
  }

  private static TargetConfig target(String name, JsonNode node, Fields fields) {
    String at = "targets." + name;
    if (node.isNull()) {
      return TargetConfig.empty(name);
    }
    fields.requireObject(node, at);
    fields.rejectUnknown(node, at, TARGET_FIELDS);
    Optional<PackPin> pack = fields.text(node, at, "pack").map(t -> fields.pin(t, at + ".pack"));
    Optional<String> algorithm = fields.text(node, at, "algorithm");
    Optional<String> defaultFlm = Optional.empty();
    SortedMap<Long, String> regionFlm = new TreeMap<>();
    JsonNode flm = node.path("flm");
    if (flm.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = flm.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String field = at + ".flm." + e.getKey();
        String path = fields.scalarText(e.getValue(), field);
        if (e.getKey().equalsIgnoreCase("default")) {
          defaultFlm = Optional.of(path);
        } else if (regionFlm.put(fields.address(e.getKey(), field), path) != null) {
          throw fields.bad(field, "region given twice");
        }
      }
    } else {
      defaultFlm = fields.text(node, at, "flm");
    }
    Optional<RamWindow> ram = Optional.empty();
    JsonNode ramNode = node.path("ram");
    if (!ramNode.isMissingNode() && !ramNode.isNull()) {
      ram = Optional.of(fields.ram(ramNode, at + ".ram"));
    }
    return new TargetConfig(name, pack, algorithm, defaultFlm, regionFlm, ram);
  }
}
