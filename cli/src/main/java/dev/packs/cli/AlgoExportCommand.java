package dev.packs.cli;

import dev.packs.cache.AlgorithmCache;
import dev.packs.cache.AlgorithmCacheException;
import dev.packs.cache.AlgorithmCacheListener;
import dev.packs.flm.AlgorithmExport;
import dev.packs.flm.ExportFormat;
import dev.packs.flm.ExportedAlgorithm;
import dev.packs.flm.RamWindow;
import dev.packs.project.ResolvedTarget;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code packs algo export TARGET|FILE --format probe-rs|pyocd|json [--ram START:SIZE]}. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write a flash algorithm for probe-rs (target YAML fields), pyOCD (a Python dict) or as JSON.")
final class AlgoExportCommand implements Callable<Integer> {
  private final Services services;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "TARGET|FILE", description = "A .FLM file, or a target resolved like `packs target show` does.")
  private String what;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      converter = FormatConverter.class, description = "probe-rs, pyocd or json.")
  private ExportFormat format;

  @Option(names = "--ram", paramLabel = "START:SIZE", converter = RamConverter.class,
      description = "The RAM the algorithm runs in, e.g. 0x20000000:0x8000; a target brings its own. Needed for pyocd with a FILE.")
  private RamWindow ram;

  AlgoExportCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    List<ExportedAlgorithm> algorithms = Files.isRegularFile(AlgoFiles.resolve(services, what))
        ? List.of(ExportedAlgorithm.ofFile(AlgoFiles.load(services, what), Optional.empty()))
        : ofTarget();
    if (ram != null) {
      algorithms = algorithms.stream().map(a -> a.withRam(ram)).toList();
    }
    if (format == ExportFormat.PYOCD && algorithms.stream().anyMatch(a -> a.ram().isEmpty())) {
      throw new ParameterException(spec.commandLine(),
          "--format pyocd places the algorithm in RAM: give --ram START:SIZE, e.g. --ram 0x20000000:0x8000");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(AlgorithmExport.render(format, algorithms));
    out.flush();
    return ExitCode.OK.code();
  }

  /** The algorithms of a target resolved from the installed packs and packs.yaml. */
  private List<ExportedAlgorithm> ofTarget() throws NoSuchFileException, AlgorithmCacheException {
    ResolvedTarget target = ProjectContext.resolver(services, spec).resolve(what);
    Optional<java.nio.file.Path> rootOption = ((PacksCommand) spec.root().userObject()).packRoot();
    AlgorithmCache cache =
        AlgorithmCache.in(ProjectContext.packRoot(services, rootOption), AlgorithmCacheListener.NONE);
    List<ExportedAlgorithm> algorithms = target.exportedAlgorithms(cache);
    if (algorithms.isEmpty()) {
      throw new NoSuchFileException(what, null, "no flash algorithm covers any flash region of " + target.device());
    }
    return algorithms;
  }

  static final class FormatConverter implements ITypeConverter<ExportFormat> {
    @Override
    public ExportFormat convert(String value) {
      return ExportFormat.fromLabel(value).orElseThrow(() -> new TypeConversionException(
          "unknown format '" + value + "' (expected probe-rs, pyocd or json)"));
    }
  }

  static final class RamConverter implements ITypeConverter<RamWindow> {
    @Override
    public RamWindow convert(String value) {
      String[] parts = value.split(":", -1);
      if (parts.length != 2) {
        throw new TypeConversionException("expected START:SIZE, e.g. 0x20000000:0x8000, not '" + value + "'");
      }
      try {
        return new RamWindow(Long.decode(parts[0].trim()), Long.decode(parts[1].trim()));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("bad RAM window '" + value + "': " + e.getMessage());
      }
    }
  }
}
