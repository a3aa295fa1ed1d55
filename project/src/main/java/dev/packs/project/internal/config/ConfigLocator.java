package dev.packs.project.internal.config;

import dev.packs.project.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where {@code packs.yaml} lives: the working folder or a parent, else the user's config folder. */
public final class ConfigLocator {
  private ConfigLocator() {}

  /** The project config, else the user-level one. */
  public static Optional<Path> find(Path workingDir, Map<String, String> env, Path home) {
    Optional<Path> project = projectFile(workingDir);
    if (project.isPresent()) {
      return project;
    }
    Path user = userFile(env, home);
    return Files.isRegularFile(user) ? Optional.of(user) : Optional.empty();
  }

  /** {@code packs.yaml} in {@code workingDir} or its nearest parent that has one. */
  public static Optional<Path> projectFile(Path workingDir) {
    for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(ProjectConfig.FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** {@code $XDG_CONFIG_HOME/packs/packs.yaml}, or {@code ~/.config/packs/packs.yaml}. */
  public static Path userFile(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
    return base.resolve("packs").resolve(ProjectConfig.FILE_NAME);
  }
}
