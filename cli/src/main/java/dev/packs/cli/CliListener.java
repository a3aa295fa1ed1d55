package dev.packs.cli;

import dev.packs.cache.CacheListener;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;

/**
 * Shows the cache's events on standard error: lock waits and retries always, a progress bar only on a
 * terminal.
 */
final class CliListener implements CacheListener {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private boolean barShown;
  private int warnings;

  CliListener(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public synchronized void waitingForLock(Path lockFile, String holder) {
    endBar();
    err.println("packs: waiting for the lock on " + lockFile.getParent().getParent() + ", held by " + holder);
    err.flush();
  }

  @Override
  public synchronized void retrying(URI url, int nextAttempt, String reason, long pauseMillis) {
    endBar();
    err.println("packs: retrying " + url + " in " + pauseMillis + " ms (attempt " + nextAttempt + "): " + reason);
    err.flush();
  }

  @Override
  public synchronized void batchProgress(String what, int done, int total) {
    if (terminal && total > 0) {
      bar(done, total, done + "/" + total + " " + what);
    }
  }

  @Override
  public synchronized void bytesReceived(URI url, long done, long total) {
    if (terminal && total > 1 << 20) {
      String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
      bar(done, total, String.format("%.1f/%.1f MB %s", done / 1e6, total / 1e6, name));
    }
  }

  private void bar(long done, long total, String label) {
    int filled = (int) (WIDTH * Math.min(done, total) / total);
    err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + label + "\u001b[K");
    err.flush();
    barShown = true;
  }

  @Override
  public synchronized void warning(String message) {
    warnings++;
  }

  /** Rare and about data left out, so each line is shown, once, when the database reads the file. */
  @Override
  public synchronized void descriptorFlawed(Path descriptor, java.util.List<String> problems) {
    if (barShown) {
      err.println();
      barShown = false;
    }
    problems.forEach(p -> err.println("packs: warning: " + p));
    err.flush();
  }

  synchronized void endBar() {
    if (barShown) {
      err.println();
      barShown = false;
    }
    if (warnings > 0) {
      err.println("packs: the device database skipped or noted " + warnings + " descriptor issue(s); 'packs find' and 'packs show' report them");
      warnings = 0;
    }
  }
}
