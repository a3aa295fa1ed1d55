package dev.packs.emulator.internal.bus;

import dev.packs.emulator.internal.cpu.Bus;
import dev.packs.emulator.internal.cpu.BusFault;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The emulated address space: RAM and flash arrays read straight from their byte arrays, flash
 * writes go to the array's controller, and peripherals sit at their own addresses. Anything else is
 * a {@link BusFault}, or in permissive mode reads as zero, ignores writes and is reported.
 *
 * <p>The CPU's hot path comes through {@link #read}, {@link #write} and {@link #fetch16}: they do not
 * allocate and search a handful of array-backed regions before anything else.
 */
public final class MemoryBus implements Bus {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int RECENT = 64;

  /** Array-backed regions: RAM first, then flash arrays. Indexes match the arrays below. */
  private final int[] starts;
  private final byte[][] bytes;
  /** Null for RAM; the array's controller, or null for a flash array without one. */
  private final FlashArray[] flashes;
  private final FlashController[] controllers;
  private final Peripheral[] peripherals;
  private final boolean permissive;
  private BusObserver observer = BusObserver.NONE;
  private final int[] recentReads = new int[RECENT];
  private int recentCount;

  private MemoryBus(Builder builder) {
    List<Direct> direct = new ArrayList<>(builder.rams);
    direct.addAll(builder.flashes);
    int n = direct.size();
    starts = new int[n];
    bytes = new byte[n][];
    flashes = new FlashArray[n];
    controllers = new FlashController[n];
    for (int i = 0; i < n; i++) {
      Direct d = direct.get(i);
      starts[i] = d.start;
      bytes[i] = d.bytes;
      flashes[i] = d.flash;
      controllers[i] = d.controller;
    }
    List<Peripheral> sorted = new ArrayList<>(builder.peripherals);
    sorted.sort(Comparator.comparingLong(p -> Integer.toUnsignedLong(p.base())));
    peripherals = sorted.toArray(new Peripheral[0]);
    permissive = builder.permissive;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where peripheral writes and (in permissive mode) unmapped accesses are reported. */
  public void observe(BusObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  public boolean permissive() {
    return permissive;
  }

  @Override
  public int read(int address, int size) {
    for (int i = 0; i < starts.length; i++) {
      int offset = address - starts[i];
      byte[] b = bytes[i];
      if (Integer.compareUnsigned(offset, b.length) < 0 && offset <= b.length - size) {
        return switch (size) {
          case 4 -> (int) INT.get(b, offset);
          case 2 -> (short) SHORT.get(b, offset) & 0xFFFF;
          case 1 -> b[offset] & 0xFF;
          default -> throw new BusFault(BusFault.Kind.BAD_SIZE, address, false, "size " + size);
        };
      }
    }
    return readSlow(address, size);
  }

  @Override
  public int fetch16(int address) {
    return read(address, 2);
  }

  @Override
  public void write(int address, int size, int value) {
    for (int i = 0; i < starts.length; i++) {
      int offset = address - starts[i];
      byte[] b = bytes[i];
      if (Integer.compareUnsigned(offset, b.length) < 0 && offset <= b.length - size) {
        if (flashes[i] != null) {
          writeFlash(i, address, offset, size, value);
          return;
        }
        switch (size) {
          case 4 -> INT.set(b, offset, value);
          case 2 -> SHORT.set(b, offset, (short) value);
          case 1 -> b[offset] = (byte) value;
          default -> throw new BusFault(BusFault.Kind.BAD_SIZE, address, true, "size " + size);
        }
        return;
      }
    }
    writeSlow(address, size, value);
  }

  private void writeFlash(int index, int address, int offset, int size, int value) {
    FlashController controller = controllers[index];
    if (controller != null) {
      controller.writeArray(offset, size, value);
    } else if (permissive) {
      observer.unmappedAccess(address, size, true);
    } else {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true, "flash without a controller model");
    }
  }

  private int readSlow(int address, int size) {
    Peripheral p = peripheralAt(address, size);
    if (p != null) {
      remember(address);
      return p.read(address - p.base(), size);
    }
    if (permissive) {
      remember(address);
      observer.unmappedAccess(address, size, false);
      return 0;
    }
    throw new BusFault(BusFault.Kind.UNMAPPED, address, false, "");
  }

  private void writeSlow(int address, int size, int value) {
    Peripheral p = peripheralAt(address, size);
    if (p != null) {
      p.write(address - p.base(), size, value);
      observer.peripheralWrite(p, address, size, value);
      return;
    }
    if (permissive) {
      observer.unmappedAccess(address, size, true);
      observer.unmappedWrite(address, size, value);
      return;
    }
    throw new BusFault(BusFault.Kind.UNMAPPED, address, true, "");
  }

  private Peripheral peripheralAt(int address, int size) {
    for (Peripheral p : peripherals) {
      int offset = address - p.base();
      if (Integer.compareUnsigned(offset, p.size()) < 0 && offset <= p.size() - size) {
        return p;
      }
    }
    return null;
  }

  private void remember(int address) {
    recentReads[recentCount++ % RECENT] = address;
  }

  /**
   * The address read most often among the last peripheral (and, in permissive mode, unmapped)
   * reads: what a hung algorithm is polling. Empty when nothing was read since {@link #forgetReads}.
   */
  public Optional<Integer> mostPolledAddress() {
    int n = Math.min(recentCount, RECENT);
    int best = 0;
    int bestCount = 0;
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (int j = 0; j < n; j++) {
        if (recentReads[j] == recentReads[i]) {
          count++;
        }
      }
      if (count > bestCount) {
        best = recentReads[i];
        bestCount = count;
      }
    }
    return bestCount == 0 ? Optional.empty() : Optional.of(best);
  }

  public void forgetReads() {
    recentCount = 0;
  }

  /** The peripheral at {@code address}, if any, for naming registers in reports. */
  public Optional<Peripheral> peripheral(int address) {
    return Optional.ofNullable(peripheralAt(address, 1));
  }

  /** Resets every peripheral model. Memory contents stay. */
  public void resetPeripherals() {
    for (Peripheral p : peripherals) {
      p.reset();
    }
    for (FlashController c : controllers) {
      if (c != null) {
        c.reset();
      }
    }
  }

  /** Collects the regions of a bus. Regions must not overlap. */
  public static final class Builder {
    private final List<Direct> rams = new ArrayList<>();
    private final List<Direct> flashes = new ArrayList<>();
    private final List<Peripheral> peripherals = new ArrayList<>();
    private boolean permissive;

    private Builder() {}

    public Builder ram(int start, int size) {
      rams.add(new Direct(start, new byte[size], null, null));
      return this;
    }

    /** A flash array; {@code controller} may be null, and then the array is read-only. */
    public Builder flash(FlashArray array, FlashController controller) {
      if (controller != null && controller.array() != array) {
        throw new IllegalArgumentException("the controller drives another flash array");
      }
      flashes.add(new Direct(array.start(), array.cells(), array, controller));
      if (controller != null) {
        peripherals.add(controller);
      }
      return this;
    }

    public Builder peripheral(Peripheral peripheral) {
      peripherals.add(peripheral);
      return this;
    }

    public Builder permissive(boolean permissive) {
      this.permissive = permissive;
      return this;
    }

    public MemoryBus build() {
      List<long[]> spans = new ArrayList<>();
      for (Direct d : rams) {
        spans.add(new long[] {Integer.toUnsignedLong(d.start), d.bytes.length});
      }
      for (Direct d : flashes) {
        spans.add(new long[] {Integer.toUnsignedLong(d.start), d.bytes.length});
      }
      for (Peripheral p : peripherals) {
        spans.add(new long[] {Integer.toUnsignedLong(p.base()), p.size()});
      }
      spans.sort(Comparator.comparingLong(s -> s[0]));
      for (int i = 1; i < spans.size(); i++) {
        long[] prev = spans.get(i - 1);
        if (prev[0] + prev[1] > spans.get(i)[0]) {
          throw new IllegalArgumentException(
              String.format("regions overlap at 0x%08X", spans.get(i)[0]));
        }
      }
      return new MemoryBus(this);
    }
  }

  private record Direct(int start, byte[] bytes, FlashArray flash, FlashController controller) {}
}
