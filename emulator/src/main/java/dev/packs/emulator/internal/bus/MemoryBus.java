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
 * allocate and search a handful of array-backed regions before anything else. In tracing mode
 * ({@link #trace}) every data access takes the slow path, so that reads of RAM and flash are
 * remembered too: that is how a loop polling a RAM variable or a flash status word is named.
 */
public final class MemoryBus implements Bus {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int[] NO_STARTS = new int[0];
  private static final byte[][] NO_BYTES = new byte[0][];

  /** Array-backed regions the hot path searches: all of them, or none while tracing. */
  private int[] starts;
  private byte[][] bytes;
  /** Every array-backed region: RAM first, then flash arrays and their aliases. */
  private final int[] allStarts;
  private final byte[][] allBytes;
  /** Null for RAM; the flash array a region shows. */
  private final FlashArray[] flashes;
  /** The array's controller, or null for RAM and for a flash array without one. */
  private final FlashController[] controllers;
  private final Peripheral[] peripherals;
  private final boolean permissive;
  private BusObserver observer = BusObserver.NONE;
  private final ReadTrace reads = new ReadTrace();

  /** What kind of memory a remembered read hit; lower kinds are better polling suspects. */
  public enum ReadKind {
    PERIPHERAL,
    UNMAPPED,
    FLASH,
    RAM
  }

  /** The address a loop read most, and what lies there. */
  public record Polled(int address, ReadKind kind) {}

  private MemoryBus(Builder builder) {
    List<Direct> direct = new ArrayList<>(builder.rams);
    direct.addAll(builder.flashes);
    int n = direct.size();
    allStarts = new int[n];
    allBytes = new byte[n][];
    flashes = new FlashArray[n];
    controllers = new FlashController[n];
    for (int i = 0; i < n; i++) {
      Direct d = direct.get(i);
      allStarts[i] = d.start;
      allBytes[i] = d.bytes;
      flashes[i] = d.flash;
      controllers[i] = d.controller;
    }
    starts = allStarts;
    bytes = allBytes;
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

  /**
   * Tracing on: every data read is remembered, RAM and flash included, and the reads remembered so
   * far are forgotten. Slower; meant for the last instructions of a run that hit its limit.
   */
  public void trace(boolean on) {
    if (on) {
      forgetReads();
      starts = NO_STARTS;
      bytes = NO_BYTES;
    } else {
      starts = allStarts;
      bytes = allBytes;
    }
  }

  @Override
  public int read(int address, int size) {
    int[] s = starts;
    byte[][] m = bytes;
    for (int i = 0; i < s.length; i++) {
      int offset = address - s[i];
      byte[] b = m[i];
      if (Integer.compareUnsigned(offset, b.length) < 0 && offset <= b.length - size) {
        return load(b, offset, size, address);
      }
    }
    return readSlow(address, size);
  }

  private static int load(byte[] b, int offset, int size, int address) {
    return switch (size) {
      case 4 -> (int) INT.get(b, offset);
      case 2 -> (short) SHORT.get(b, offset) & 0xFFFF;
      case 1 -> b[offset] & 0xFF;
      default -> throw new BusFault(BusFault.Kind.BAD_SIZE, address, false, "size " + size);
    };
  }

  @Override
  public int fetch16(int address) {
    int index = direct(address, 2);
    if (index >= 0) {
      return load(allBytes[index], address - allStarts[index], 2, address);
    }
    Peripheral p = peripheralAt(address, 2);
    if (p instanceof CommandMappedArray c) {
      return c.read(address - c.base(), 2);
    }
    throw new BusFault(BusFault.Kind.UNMAPPED, address, false,
        p == null ? "instruction fetch from unmapped memory" : "instruction fetch from " + p.name());
  }

  @Override
  public void write(int address, int size, int value) {
    int[] s = starts;
    byte[][] m = bytes;
    for (int i = 0; i < s.length; i++) {
      int offset = address - s[i];
      byte[] b = m[i];
      if (Integer.compareUnsigned(offset, b.length) < 0 && offset <= b.length - size) {
        store(i, address, offset, size, value);
        return;
      }
    }
    writeSlow(address, size, value);
  }

  private void store(int i, int address, int offset, int size, int value) {
    if (flashes[i] != null) {
      writeFlash(i, address, offset, size, value);
      return;
    }
    byte[] b = allBytes[i];
    switch (size) {
      case 4 -> INT.set(b, offset, value);
      case 2 -> SHORT.set(b, offset, (short) value);
      case 1 -> b[offset] = (byte) value;
      default -> throw new BusFault(BusFault.Kind.BAD_SIZE, address, true, "size " + size);
    }
  }

  private int direct(int address, int size) {
    for (int i = 0; i < allStarts.length; i++) {
      int offset = address - allStarts[i];
      byte[] b = allBytes[i];
      if (Integer.compareUnsigned(offset, b.length) < 0 && offset <= b.length - size) {
        return i;
      }
    }
    return -1;
  }

  private void writeFlash(int index, int address, int offset, int size, int value) {
    FlashController controller = controllers[index];
    if (controller != null) {
      controller.writeArrayAt(address, flashes[index], offset, size, value);
    } else if (permissive) {
      observer.unmappedAccess(address, size, true);
    } else {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true,
          "flash with no controller model for this address");
    }
  }

  private int readSlow(int address, int size) {
    if (starts.length == 0) {
      int index = direct(address, size);
      if (index >= 0) {
        remember(address, flashes[index] == null ? ReadKind.RAM : ReadKind.FLASH);
        return load(allBytes[index], address - allStarts[index], size, address);
      }
    }
    Peripheral p = peripheralAt(address, size);
    if (p != null) {
      remember(address, ReadKind.PERIPHERAL);
      return p.read(address - p.base(), size);
    }
    remember(address, ReadKind.UNMAPPED);
    if (permissive) {
      observer.unmappedAccess(address, size, false);
      return 0;
    }
    throw new BusFault(BusFault.Kind.UNMAPPED, address, false, "");
  }

  private void writeSlow(int address, int size, int value) {
    if (starts.length == 0) {
      int index = direct(address, size);
      if (index >= 0) {
        store(index, address, address - allStarts[index], size, value);
        return;
      }
    }
    Peripheral p = peripheralAt(address, size);
    if (p != null) {
      p.write(address - p.base(), size, value);
      if (!(p instanceof CommandMappedArray)) {
        observer.peripheralWrite(p, address, size, value);
      }
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

  private void remember(int address, ReadKind kind) {
    reads.remember(address, kind);
  }

  /**
   * The address read most often among the last peripheral (and, in permissive mode, unmapped)
   * reads: what a hung algorithm is polling. Empty when nothing was read since {@link #forgetReads}.
   */
  public Optional<Integer> mostPolledAddress() {
    return mostPolled().map(Polled::address);
  }

  /**
   * The address read most often among the remembered reads, preferring peripherals and unmapped
   * addresses to flash, and flash to RAM: a status register beats the stack slot a loop also reads.
   */
  public Optional<Polled> mostPolled() {
    return reads.mostPolled();
  }

  public void forgetReads() {
    reads.forget();
  }

  /** The peripheral at {@code address}, if any, for naming registers in reports. */
  public Optional<Peripheral> peripheral(int address) {
    return Optional.ofNullable(peripheralAt(address, 1));
  }

  /**
   * RAM (writable) or a flash array (read-only: writes go to its controller) the CPU may access
   * directly; none while tracing, so that every read is remembered.
   */
  @Override
  public Window window(int address) {
    if (starts.length == 0) {
      return null;
    }
    int index = direct(address, 1);
    return index < 0 ? null : new Window(allStarts[index], allBytes[index], flashes[index] == null);
  }

  /** True when RAM or a flash array answers at {@code address}. */
  public boolean isMemory(int address) {
    return direct(address, 1) >= 0;
  }

  /** True when {@code address} is RAM. */
  public boolean isRam(int address) {
    int index = direct(address, 1);
    return index >= 0 && flashes[index] == null;
  }

  /** Resets every peripheral model. Memory contents stay. */
  public void resetPeripherals() {
    for (Peripheral p : peripherals) {
      p.reset();
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

    /** A flash array at its own start; {@code controller} may be null: then it is read-only. */
    public Builder flash(FlashArray array, FlashController controller) {
      return alias(array, array.start(), controller);
    }

    /** The cells of {@code array} shown (also) at {@code start}, for example a secure alias. */
    public Builder alias(FlashArray array, int start, FlashController controller) {
      if (controller != null && !controller.arrays().contains(array)) {
        throw new IllegalArgumentException("the controller drives other flash arrays");
      }
      flashes.add(new Direct(start, array.cells(), array, controller));
      if (controller != null && !peripherals.contains(controller)) {
        peripherals.add(controller);
      }
      return this;
    }

    /**
     * A flash array whose every access goes through {@code reader} and {@code controller}: a NOR
     * chip that answers status reads. It is a peripheral of the array's size at its start.
     */
    public Builder commandMapped(FlashArray array, FlashController controller,
        ArrayReader reader) {
      peripherals.add(new CommandMappedArray(array, controller, reader));
      return this;
    }

    public Builder peripheral(Peripheral peripheral) {
      if (!peripherals.contains(peripheral)) {
        peripherals.add(peripheral);
      }
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
        spans.add(new long[] {Integer.toUnsignedLong(p.base()), Integer.toUnsignedLong(p.size())});
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
