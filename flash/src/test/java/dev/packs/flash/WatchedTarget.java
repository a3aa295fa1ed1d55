package dev.packs.flash;

import dev.packs.target.CoreRegister;
import dev.packs.target.Halt;
import dev.packs.target.RunLimit;
import dev.packs.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * An emulated target seen through the debugger's eyes: it counts operations, remembers where memory
 * was written, and can model one flash cell whose bit 0 is stuck at 0 (reads only, as a worn cell).
 */
final class WatchedTarget implements Target {
  private final Target inner;
  final List<Long> writes = new ArrayList<>();
  long operations;
  private OptionalLong stuck = OptionalLong.empty();

  WatchedTarget(Target inner) {
    this.inner = inner;
  }

  void stickBitZeroAt(long address) {
    stuck = OptionalLong.of(address);
  }

  @Override
  public byte[] read(long address, int length) {
    operations++;
    byte[] data = inner.read(address, length);
    if (stuck.isPresent() && stuck.getAsLong() >= address && stuck.getAsLong() < address + length) {
      data[(int) (stuck.getAsLong() - address)] &= (byte) 0xFE;
    }
    return data;
  }

  @Override
  public void write(long address, byte[] data) {
    operations++;
    writes.add(address);
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
    writes.add(address);
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
}
