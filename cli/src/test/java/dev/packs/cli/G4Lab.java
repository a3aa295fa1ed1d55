package dev.packs.cli;

import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheListener;
import dev.packs.cache.InstallOptions;
import dev.packs.cache.PackCache;
import dev.packs.cache.PackRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A lab for the target commands: a pack root in a temporary folder with the real STM32G4 descriptor
 * installed, one of our own algorithms standing in for every FLM it names, and a project folder.
 */
final class G4Lab {
  static final Path REPO = Path.of(System.getProperty("packs.repo", ".."));
  static final Path PDSC = Path.of(System.getProperty("packs.shared", "../../shared"))
      .resolve("data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc");
  static final String G4 = "test-algorithms/stm32g4/build/packs_stm32g4_128k.flm";
  static final String G4_WRONG_PAGE = "test-algorithms/stm32g4/build/packs_stm32g4_128k_wrongpage.flm";
  static final String SFC = "test-algorithms/build/sfc_m4_Os.flm";

  final Path dir;
  final Path root;
  final Path project;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();
  /** Whether standard error counts as a terminal (progress bars are drawn only there). */
  boolean terminal;

  /** An empty pack root: for commands that read the descriptor through --pack. */
  G4Lab(Path dir) throws Exception {
    this.dir = dir;
    this.root = dir.resolve("packs-root");
    this.project = Files.createDirectories(dir.resolve("project"));
  }

  /** A pack root with the descriptor installed and {@code flm} at every algorithm path it names. */
  G4Lab(Path dir, String flm) throws Exception {
    this(dir);
    Path pack = dir.resolve("Keil.STM32G4xx_DFP.1.1.0.pack");
    String pdsc = Files.readString(PDSC);
    TreeSet<String> algorithms = new TreeSet<>();
    Matcher m = Pattern.compile("<algorithm name=\"([^\"]+)\"").matcher(pdsc);
    while (m.find()) {
      algorithms.add(m.group(1).replace('\\', '/'));
    }
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(pack))) {
      zip.putNextEntry(new ZipEntry("Keil.STM32G4xx_DFP.pdsc"));
      zip.write(pdsc.getBytes(StandardCharsets.UTF_8));
      for (String algorithm : algorithms) {
        zip.putNextEntry(new ZipEntry(algorithm));
        zip.write(Files.readAllBytes(REPO.resolve(flm)));
      }
    }
    try (PackCache cache = PackCache.open(CacheConfig.builder(new PackRoot(root))
        .network(CacheConfig.Network.OFFLINE).build(), new CacheListener() {})) {
      cache.install(List.of(pack.toString()), new InstallOptions(InstallOptions.Dependencies.SKIP, false), dir);
    }
  }

  /** Runs packs in the project folder against the lab's pack root; fresh out and err each time. */
  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Services services = new Services(Map.of("HOME", dir.resolve("home").toString()), project, Clock.systemUTC(),
        terminal);
    String[] all = Stream.concat(Stream.of("--pack-root", root.toString()), Stream.of(args)).toArray(String[]::new);
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services).execute(all);
  }

  String repo(String relative) {
    return REPO.resolve(relative).toAbsolutePath().toString();
  }
}
