package dev.packs.cache.internal.disk;

import dev.packs.cache.AtomicFiles;
import dev.packs.cache.PackRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a packs process killed mid-change (kill -9, power loss) leaves in a pack root: {@code .part}
 * files of {@link AtomicFiles}'s naming in the cpackget folders and under {@code .packs}, and
 * half-extracted packs in {@code .packs/tmp}. Nothing reads them, but they would stay forever.
 */
public final class Leftovers {
  private Leftovers() {}

  /**
   * Deletes them. Call only while holding the root's exclusive lock: every writer of these folders
   * holds it while it writes, so whatever is there now belongs to a process that is gone.
   */
  public static void clean(PackRoot root) {
    AtomicFiles.deleteQuietly(root.stateDir().resolve("tmp"));
    for (Path dir : List.of(root.webDir(), root.downloadDir(), root.localDir())) {
      AtomicFiles.deleteStaleParts(dir);
    }
    if (!Files.isDirectory(root.stateDir())) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(root.stateDir(), 4)) {
      dirs.filter(Files::isDirectory).forEach(AtomicFiles::deleteStaleParts);
    } catch (IOException | java.io.UncheckedIOException e) {
      // A folder vanished or cannot be listed: its leftovers wait for the next run.
    }
  }
}
