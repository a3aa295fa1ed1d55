package dev.packs.flash;

import dev.packs.target.CoreRegister;
import dev.packs.target.Halt;
import dev.packs.target.RunLimit;
import dev.packs.target.Target;
import java.util.Optional;

/**
 * A target that counts the operations made on it: each memory or register access and each run is
 * one round trip to a probe, so the count says what a flash costs on a real one. Open to decorators
 * that watch more (tests record where memory was written); they call the overridden method.
 */
public class CountingTarget implements Target {
  private final Target inner;
  private long operations;

  public CountingTarget(Target inner) {
    this.inner = inner;
  }

  /** The memory accesses, register accesses and runs made so far. */
  public long operations() {
    return operations;
  }

  @Override
  public byte[] read(long address, int length) {
    operations++;
    return inner.read(address, length);
  }

  @Override
  public void write(long address, byte[] data) {
    operations++;
    inner.write(address, data);
  }

  @Override
  public int readWord(long address) {
    operations++;
    return inner.readWord(address);
  }

  @Override
  public void writeWord(long address, int value) {
    operations++;
    inner.writeWord(address, value);
  }

  @Override
  public int readRegister(CoreRegister register) {
    operations++;
    return inner.readRegister(register);
  }

  @Override
  public void writeRegister(CoreRegister register, int value) {
    operations++;
    inner.writeRegister(register, value);
  }

  @Override
  public Halt run(RunLimit limit) {
    operations++;
    return inner.run(limit);
  }

  @Override
  public void halt() {
    inner.halt();
  }

  @Override
  public Optional<String> explain(Halt halt) {
    return inner.explain(halt);
  }
}
