package dev.packs.flash;

import dev.packs.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * An emulated target seen through the debugger's eyes: it counts operations, remembers where memory
 * was written, and can model one flash cell whose bit 0 is stuck at 0 (reads only, as a worn cell).
 */
final class WatchedTarget extends CountingTarget {
  final List<Long> writes = new ArrayList<>();
  private OptionalLong stuck = OptionalLong.empty();

  WatchedTarget(Target inner) {
    super(inner);
  }

  void stickBitZeroAt(long address) {
    stuck = OptionalLong.of(address);
  }

  @Override
  public byte[] read(long address, int length) {
    byte[] data = super.read(address, length);
    if (stuck.isPresent() && stuck.getAsLong() >= address && stuck.getAsLong() < address + length) {
      data[(int) (stuck.getAsLong() - address)] &= (byte) 0xFE;
    }
    return data;
  }

  @Override
  public void write(long address, byte[] data) {
    writes.add(address);
    super.write(address, data);
  }

  @Override
  public void writeWord(long address, int value) {
    writes.add(address);
    super.writeWord(address, value);
  }
}
