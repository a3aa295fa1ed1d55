package dev.packs.emulator.internal.cpu;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Skips, with a visible reason, jqwik properties that need Unicorn where libunicorn is missing. */
public final class UnicornAvailable implements SkipExecutionHook {
  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return Unicorn.available() ? SkipResult.doNotSkip() : SkipResult.skip(Unicorn.unavailableReason());
  }
}
