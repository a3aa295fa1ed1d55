package dev.packs.index.internal.pdsc;

import java.util.ArrayList;
import java.util.List;

/**
 * What one descriptor got wrong but packs read around: each element that could not be read and was
 * skipped, one line naming the file, where it is, and why.
 */
final class Problems {
  private final String source;
  private final List<String> lines = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  /**
   * Records a skipped element.
   *
   * @param where the level that holds it, e.g. {@code device 'STM32G431KBTx'}; empty at the top
   * @param problem what is wrong
   * @param skipped what is left out because of it, e.g. {@code this <memory>}
   */
  void skipped(String where, String problem, String skipped) {
    lines.add(source + (where.isEmpty() ? "" : " (" + where + ")") + ": " + problem + "; " + skipped + " is skipped");
  }

  /** Records a flaw that packs works around without skipping anything. */
  void noted(String where, String problem) {
    lines.add(source + (where.isEmpty() ? "" : " (" + where + ")") + ": " + problem);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }
}
