package dev.packs.cache.internal;

import dev.packs.cache.CacheException;
import dev.packs.cache.InstalledPack;
import dev.packs.cache.PackCheck;
import dev.packs.cache.PackRoot;
import dev.packs.cache.internal.disk.InstallRecord;
import dev.packs.cache.internal.pack.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code verify}: recomputes the SHA-256 of every file of each installed pack and compares it with the
 * install record, or with cpackget's {@code .sha256.checksum} when that is all there is.
 */
public final class Verifier {
  private Verifier() {}

  public static List<PackCheck> verify(PackRoot root) throws CacheException {
    List<PackCheck> checks = new ArrayList<>();
    for (InstalledPack pack : InstalledPacks.scan(root)) {
      checks.add(check(root, pack));
    }
    return checks;
  }

  static PackCheck check(PackRoot root, InstalledPack pack) throws CacheException {
    Optional<InstallRecord> record =
        InstallRecord.load(InstallRecord.fileFor(root.stateDir(), pack.vendor(), pack.name(), pack.version()));
    Map<String, String> expected;
    if (record.isPresent()) {
      expected = record.get().files();
    } else {
      Optional<Path> sums = Checksums.find(pack.vendor(), pack.name(), pack.version(), root.downloadDir(), pack.path());
      if (sums.isEmpty()) {
        return new PackCheck(pack, PackCheck.Status.NO_RECORD, List.of());
      }
      try {
        expected = Checksums.read(sums.get(), topFolder(sums.get()));
      } catch (IOException e) {
        throw new dev.packs.cache.CacheIoException(sums.get(), e);
      }
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Path file = pack.path().resolve(e.getKey());
      try {
        if (!Files.isRegularFile(file)) {
          problems.add("missing " + e.getKey());
        } else if (!Digests.sha256(file).equals(e.getValue())) {
          problems.add("changed " + e.getKey());
        }
      } catch (IOException ex) {
        problems.add("unreadable " + e.getKey() + ": " + ex.getMessage());
      }
    }
    return new PackCheck(pack, problems.isEmpty() ? PackCheck.Status.OK : PackCheck.Status.MODIFIED, problems);
  }

  /** cpackget lists members as in the zip; when every line shares one top folder, it is stripped. */
  private static String topFolder(Path sums) throws IOException {
    String common = null;
    for (String member : Checksums.read(sums, "").keySet()) {
      int slash = member.indexOf('/');
      String top = slash < 0 ? "" : member.substring(0, slash + 1);
      if (common == null) {
        common = top;
      } else if (!common.equals(top)) {
        return "";
      }
    }
    return common == null ? "" : common;
  }
}
