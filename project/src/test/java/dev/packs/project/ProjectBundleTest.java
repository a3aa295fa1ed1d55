package dev.packs.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.cache.BundleException;
import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheListener;
import dev.packs.cache.InstallOptions;
import dev.packs.cache.PackCache;
import dev.packs.cache.PackRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectBundleTest {
  // The real STM32G4 descriptor with our SFC algorithm at every path it names, and our own STM32G4
  // algorithm as the project's local override: a pack member and a local file the lock both records.
  private static final Path PDSC = Path.of(System.getProperty("packs.shared", "../../shared"))
      .resolve("data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc");
  private static final Path REPO = Path.of(System.getProperty("packs.repo", ".."));
  private static final Path VENDOR_FLM = REPO.resolve("test-algorithms/build/sfc_m4_Os.flm");
  private static final Path FIXED_FLM = REPO.resolve("test-algorithms/stm32g4/build/packs_stm32g4_128k.flm");

  @TempDir Path dir;
  Path bundle;
  Path labProject;
  PackRoot labRoot;

  @BeforeEach
  void exportFromTheOffice() throws Exception {
    PackRoot office = new PackRoot(dir.resolve("office-root"));
    try (PackCache cache = offline(office)) {
      cache.install(List.of(buildPack(dir.resolve("Keil.STM32G4xx_DFP.1.1.0.pack")).toString()),
          new InstallOptions(InstallOptions.Dependencies.SKIP, false), dir);
    }
    Path project = Files.createDirectories(dir.resolve("office/project"));
    Files.createDirectories(project.resolve("algos"));
    Files.copy(FIXED_FLM, project.resolve("algos/STM32G4xx_128_fixed.flm"));
    ProjectConfig.update(project.resolve("packs.yaml"), "stm32g431kbtx",
        t -> t.withPack(PackPin.parse("Keil::STM32G4xx_DFP@1.1.0")).withFlm(Optional.empty(), "algos/STM32G4xx_128_fixed.flm"));
    ProjectConfig config = ProjectConfig.read(project.resolve("packs.yaml"));
    new TargetResolver(office, config).writeLock();
    bundle = dir.resolve("lab.zip");
    new ProjectBundle(office, config, Clock.systemUTC()).export(bundle);

    // The lab has the project's two committed files, no override file, and an empty pack root.
    labProject = Files.createDirectories(dir.resolve("lab/project"));
    Files.copy(project.resolve("packs.yaml"), labProject.resolve("packs.yaml"));
    Files.copy(project.resolve("packs.lock"), labProject.resolve("packs.lock"));
    labRoot = new PackRoot(dir.resolve("lab-root"));
  }

  private static PackCache offline(PackRoot root) {
    return PackCache.open(CacheConfig.builder(root).network(CacheConfig.Network.OFFLINE).build(), CacheListener.NONE);
  }

  private static Path buildPack(Path file) throws IOException {
    String pdsc = Files.readString(PDSC);
    TreeSet<String> algorithms = new TreeSet<>();
    Matcher m = Pattern.compile("<algorithm name=\"([^\"]+)\"").matcher(pdsc);
    while (m.find()) {
      algorithms.add(m.group(1).replace('\\', '/'));
    }
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("Keil.STM32G4xx_DFP.pdsc"));
      zip.write(pdsc.getBytes(StandardCharsets.UTF_8));
      for (String algorithm : algorithms) {
        zip.putNextEntry(new ZipEntry(algorithm));
        zip.write(Files.readAllBytes(VENDOR_FLM));
      }
    }
    return file;
  }

  private ProjectBundle.Imported importInto(Path zip, boolean force) throws Exception {
    try (PackCache cache = offline(labRoot)) {
      return new ProjectBundle(labRoot, ProjectConfig.read(labProject.resolve("packs.yaml")), Clock.systemUTC())
          .importFrom(zip, cache, force);
    }
  }

  /** A copy of the bundle with each entry passed through {@code change} (null drops it), plus {@code extra}. */
  private Path rewrite(String name, Map<String, UnaryOperator<byte[]>> change, Map<String, byte[]> extra) throws IOException {
    Path out = dir.resolve(name);
    try (ZipFile in = new ZipFile(bundle.toFile()); OutputStream os = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] body;
        try (InputStream is = in.getInputStream(e)) {
          body = is.readAllBytes();
        }
        body = change.getOrDefault(e.getName(), b -> b).apply(body);
        if (body != null) {
          zip.putNextEntry(new ZipEntry(e.getName()));
          zip.write(body);
        }
      }
      for (Map.Entry<String, byte[]> e : extra.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
      }
    }
    return out;
  }

  private String manifest() throws IOException {
    try (ZipFile in = new ZipFile(bundle.toFile()); InputStream is = in.getInputStream(in.getEntry("bundle.json"))) {
      return new String(is.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void assertNothingInstalled() throws IOException {
    assertThat(labRoot.path().resolve("Keil")).doesNotExist();
    assertThat(labRoot.downloadDir().resolve("Keil.STM32G4xx_DFP.1.1.0.pack")).doesNotExist();
    assertThat(labProject.resolve("algos")).doesNotExist();
    Path staging = labRoot.stateDir().resolve("staging");
    if (Files.isDirectory(staging)) {
      try (Stream<Path> left = Files.list(staging)) {
        assertThat(left).as("staging left behind").isEmpty();
      }
    }
  }

  @Test
  void importInstallsOfflineAndPutsOverridesWhereTheConfigExpectsThemSoTheLockMatches() throws Exception {
    assertThat(manifest()).contains("\"Keil.STM32G4xx_DFP.1.1.0\"", "\"algos/STM32G4xx_128_fixed.flm\"");

    ProjectBundle.Imported done = importInto(bundle, false);

    assertThat(done.installed()).extracting(a -> a.pack().id()).containsExactly("Keil.STM32G4xx_DFP.1.1.0");
    assertThat(labProject.resolve("algos/STM32G4xx_128_fixed.flm")).hasSameBinaryContentAs(FIXED_FLM);
    assertThat(done.files()).singleElement().satisfies(p -> assertThat(p.changed()).isTrue());
    assertThat(new TargetResolver(labRoot, ProjectConfig.read(labProject.resolve("packs.yaml"))).checkLock().targets())
        .containsKey("stm32g431kbtx");
    assertThat(labRoot.stateDir().resolve("staging")).isEmptyDirectory();

    ProjectBundle.Imported again = importInto(bundle, false);
    assertThat(again.files()).singleElement().satisfies(p -> assertThat(p.changed()).isFalse());
  }

  @Test
  void aTamperedArchiveIsRefusedWithNothingInstalled() throws Exception {
    Path tampered = rewrite("tampered.zip", Map.of("packs/Keil.STM32G4xx_DFP.1.1.0.pack", b -> {
      b[b.length / 2] ^= 1;
      return b;
    }), Map.of());

    assertThatThrownBy(() -> importInto(tampered, false)).isInstanceOfSatisfying(BundleException.class,
        e -> assertThat(e.getMessage()).contains("packs/Keil.STM32G4xx_DFP.1.1.0.pack", "the manifest says"));
    assertNothingInstalled();
  }

  @Test
  void anOverrideChangedWithItsManifestLineIsRefusedAgainstTheLock() throws Exception {
    // A consistent bundle, but not the override the lock records: only the lock can tell.
    byte[] other = Files.readAllBytes(VENDOR_FLM);
    String otherSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(other));
    String fixedSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(FIXED_FLM)));
    String manifest = manifest().replace(fixedSha, otherSha).replace("\"size\" : " + Files.size(FIXED_FLM), "\"size\" : " + other.length);
    Map<String, UnaryOperator<byte[]>> change = new LinkedHashMap<>();
    change.put("bundle.json", b -> manifest.getBytes(StandardCharsets.UTF_8));
    change.put("files/1/STM32G4xx_128_fixed.flm", b -> other);
    Path tampered = rewrite("consistent-but-wrong.zip", change, Map.of());

    assertThatThrownBy(() -> importInto(tampered, false)).isInstanceOfSatisfying(BundleException.class,
        e -> assertThat(e.getMessage()).contains("algos/STM32G4xx_128_fixed.flm", "packs.lock says " + fixedSha));
    assertNothingInstalled();
  }

  @Test
  void anEntryTheManifestDoesNotListIsRefused() throws Exception {
    Path tampered = rewrite("extra.zip", Map.of(), Map.of("files/9/payload.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> importInto(tampered, false)).isInstanceOfSatisfying(BundleException.class,
        e -> assertThat(e.getMessage()).contains("entry files/9/payload.sh is not in the manifest"));
    assertNothingInstalled();
  }

  @Test
  void aBundleWithoutALockedPackIsRefused() throws Exception {
    Path partial = rewrite("partial.zip", Map.of("packs/Keil.STM32G4xx_DFP.1.1.0.pack", b -> null), Map.of());
    assertThatThrownBy(() -> importInto(partial, false)).isInstanceOfSatisfying(BundleException.class,
        e -> assertThat(e.getMessage()).contains("not in the zip"));
    assertNothingInstalled();
  }

  @Test
  void anOverrideFileWithOtherContentIsKeptUnlessForced() throws Exception {
    Path existing = Files.createDirectories(labProject.resolve("algos")).resolve("STM32G4xx_128_fixed.flm");
    Files.writeString(existing, "someone's work in progress");

    assertThatThrownBy(() -> importInto(bundle, false)).isInstanceOfSatisfying(BundleException.class,
        e -> assertThat(e.getMessage()).contains(existing.toString(), "--force"));
    assertThat(existing).hasContent("someone's work in progress");
    assertThat(labRoot.path().resolve("Keil")).doesNotExist();

    importInto(bundle, true);
    assertThat(existing).hasSameBinaryContentAs(FIXED_FLM);
  }

  @Test
  void exportRefusesAnOverrideEditedSinceTheLock() throws Exception {
    Path project = dir.resolve("office/project");
    Files.write(project.resolve("algos/STM32G4xx_128_fixed.flm"), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    PackRoot office = new PackRoot(dir.resolve("office-root"));
    ProjectBundle exporter = new ProjectBundle(office, ProjectConfig.read(project.resolve("packs.yaml")), Clock.systemUTC());
    Path out = dir.resolve("again.zip");
    assertThatThrownBy(() -> exporter.export(out)).isInstanceOfSatisfying(BundleException.class,
        e -> assertThat(e.getMessage()).contains("algos/STM32G4xx_128_fixed.flm", "packs.lock says"));
    assertThat(out).doesNotExist();
  }
}
