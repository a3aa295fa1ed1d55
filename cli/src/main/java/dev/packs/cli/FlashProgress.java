package dev.packs.cli;

import dev.packs.flash.FlashListener;
import dev.packs.flash.FlashPlan;
import dev.packs.flash.Sector;
import java.io.PrintWriter;

/** A progress bar on standard error while the engine erases, programs and verifies; only on a terminal. */
final class FlashProgress implements FlashListener {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean verify;
  private long total;
  private long done;
  private boolean shown;

  FlashProgress(PrintWriter err, boolean verify) {
    this.err = err;
    this.verify = verify;
  }

  @Override
  public void planned(FlashPlan plan) {
    for (FlashPlan.RegionPlan region : plan.regions()) {
      total += region.chipErase() ? region.region().size()
          : region.erase().stream().mapToLong(Sector::size).sum();
      long program = region.program().stream().mapToLong(FlashPlan.Page::size).sum();
      total += verify ? 2 * program : program;
    }
  }

  @Override
  public void erased(long bytes) {
    step(bytes, "erasing");
  }

  @Override
  public void programmed(long bytes) {
    step(bytes, "programming");
  }

  @Override
  public void verified(long bytes) {
    step(bytes, "verifying");
  }

  private void step(long bytes, String what) {
    done += bytes;
    if (total <= 0) {
      return;
    }
    int filled = (int) (WIDTH * Math.min(done, total) / total);
    err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + what + " "
        + (100 * Math.min(done, total) / total) + "%\u001b[K");
    err.flush();
    shown = true;
  }

  /** Ends the bar's line, if one was drawn. */
  void end() {
    if (shown) {
      err.println();
      err.flush();
      shown = false;
    }
  }
}
