package dev.packs.flm.internal.config;

import dev.packs.flm.ProjectException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file so a reader never sees half of it: {@code name.part}, then an atomic move. */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path file, String text) {
    Path target = file.toAbsolutePath();
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(part, text, StandardCharsets.UTF_8);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ProjectException.FileFailure(file, "cannot write", e);
    }
  }
}
