package dev.packs.cli;

import dev.packs.cache.PackRoot;
import dev.packs.project.ProjectConfig;
import dev.packs.project.ProjectEditor;
import dev.packs.project.TargetResolver;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Where the project commands find the project, the user's home and the pack root. */
final class ProjectContext {
  private ProjectContext() {}

  static Path home(Services services) {
    return services.env("HOME").map(Path::of).orElse(Path.of(System.getProperty("user.home")));
  }

  static PackRoot packRoot(Services services, Optional<Path> option) {
    return PackRoot.locate(option.map(p -> services.workingDir().resolve(p)), services.environment(),
        System.getProperty("os.name"), home(services));
  }

  static ProjectConfig config(Services services) {
    return ProjectConfig.locate(services.workingDir(), services.environment(), home(services));
  }

  /** The resolver for the project, over the pack root the {@code --pack-root} option of {@code spec} names. */
  static TargetResolver resolver(Services services, CommandSpec spec) {
    Optional<Path> option = ((PacksCommand) spec.root().userObject()).packRoot();
    return new TargetResolver(packRoot(services, option), config(services));
  }

  /** An editor that checks each edit against the installed packs before writing it. */
  static ProjectEditor editor(Services services, CommandSpec spec) {
    Optional<Path> option = ((PacksCommand) spec.root().userObject()).packRoot();
    return new ProjectEditor(services.workingDir()).checkedAgainst(packRoot(services, option));
  }
}
