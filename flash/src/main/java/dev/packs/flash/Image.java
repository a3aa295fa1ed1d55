package dev.packs.flash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A firmware image: bytes at 32-bit addresses, as sorted, non-overlapping segments (adjacent segments are
 * merged). Every image format reads into this one type; the planner never knows where it came from.
 */
public final class Image {
  private final List<Segment> segments;

  private Image(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  /** Bytes at one address. The address and end are unsigned 32-bit: {@code address + size <= 2^32}. */
  public static final class Segment {
    private final long address;
    private final byte[] data;

    public Segment(long address, byte[] data) {
      Objects.requireNonNull(data, "data");
      if (address < 0 || address + data.length > 0x1_0000_0000L) {
        throw new IllegalArgumentException(String.format(
            "segment 0x%X+0x%X is outside the 32-bit address space", address, data.length));
      }
      this.address = address;
      this.data = data.clone();
    }

    public long address() {
      return address;
    }

    /** One past the last byte. */
    public long end() {
      return address + data.length;
    }

    public int size() {
      return data.length;
    }

    public byte[] data() {
      return data.clone();
    }

    /** The byte at an absolute address inside this segment. */
    public byte byteAt(long at) {
      return data[Math.toIntExact(at - address)];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Segment s && s.address == address && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(address) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return String.format("0x%08X..0x%08X", address, end() - 1);
    }
  }

  /** Two segments of one image claim the same bytes; names both ranges. */
  public static final class OverlapException extends IllegalArgumentException {
    private final Segment first;
    private final Segment second;

    public OverlapException(Segment first, Segment second) {
      super("overlapping data: " + first + " and " + second);
      this.first = first;
      this.second = second;
    }

    public Segment first() {
      return first;
    }

    public Segment second() {
      return second;
    }
  }

  /**
   * An image of {@code segments} in any order: sorted by address, adjacent ones merged, empty ones dropped.
   *
   * @throws OverlapException when two segments overlap
   */
  public static Image of(List<Segment> segments) {
    List<Segment> sorted = new ArrayList<>(segments.stream().filter(s -> s.size() > 0).toList());
    sorted.sort(Comparator.comparingLong(Segment::address));
    List<Segment> out = new ArrayList<>();
    int first = 0;
    for (int i = 1; i <= sorted.size(); i++) {
      if (i < sorted.size()) {
        Segment previous = sorted.get(i - 1);
        Segment next = sorted.get(i);
        if (next.address() < previous.end()) {
          throw new OverlapException(previous, next);
        }
        if (next.address() == previous.end()) {
          continue;
        }
      }
      out.add(join(sorted.subList(first, i)));
      first = i;
    }
    return new Image(out);
  }

  /** One segment from adjacent ones, copying each byte once (a hex file may hold thousands of records). */
  private static Segment join(List<Segment> adjacent) {
    if (adjacent.size() == 1) {
      return adjacent.get(0);
    }
    Segment head = adjacent.get(0);
    byte[] joined = new byte[Math.toIntExact(adjacent.get(adjacent.size() - 1).end() - head.address())];
    for (Segment s : adjacent) {
      System.arraycopy(s.data, 0, joined, (int) (s.address() - head.address()), s.size());
    }
    return new Segment(head.address(), joined);
  }

  public static Image empty() {
    return new Image(List.of());
  }

  public List<Segment> segments() {
    return segments;
  }

  /** Total bytes of data. */
  public long size() {
    return segments.stream().mapToLong(Segment::size).sum();
  }

  public boolean isEmpty() {
    return segments.isEmpty();
  }

  /** The lowest address, if any data. */
  public Optional<Long> start() {
    return segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(0).address());
  }

  /** True when any byte of {@code [start, start + length)} is in the image. */
  public boolean touches(long start, long length) {
    int i = firstEndingAfter(start);
    return length > 0 && i < segments.size() && segments.get(i).address() < start + length;
  }

  /** True when every byte of {@code [start, start + length)} is in the image. */
  public boolean covers(long start, long length) {
    if (length <= 0) {
      return true;
    }
    int i = firstEndingAfter(start);
    // Adjacent segments are merged, so a covered range lies inside one segment.
    return i < segments.size() && segments.get(i).address() <= start && segments.get(i).end() >= start + length;
  }

  /** The byte at {@code address}, if the image has one there. */
  public Optional<Byte> byteAt(long address) {
    int i = firstEndingAfter(address);
    if (i < segments.size() && segments.get(i).address() <= address) {
      return Optional.of(segments.get(i).byteAt(address));
    }
    return Optional.empty();
  }

  /**
   * The bytes of {@code [start, start + length)}: the image's where it has data, else {@code base}'s byte
   * at the same offset (for example the current flash content, read back).
   */
  public byte[] overlay(long start, byte[] base) {
    byte[] out = base.clone();
    long end = start + base.length;
    for (int i = firstEndingAfter(start); i < segments.size() && segments.get(i).address() < end; i++) {
      Segment s = segments.get(i);
      long from = Math.max(start, s.address());
      long to = Math.min(end, s.end());
      System.arraycopy(s.data, (int) (from - s.address()), out, (int) (from - start), (int) (to - from));
    }
    return out;
  }

  /** The index of the first segment ending after {@code address} (segments are sorted), or the count. */
  private int firstEndingAfter(long address) {
    int low = 0;
    int high = segments.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (segments.get(mid).end() <= address) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Image i && i.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  @Override
  public String toString() {
    return "Image" + segments;
  }
}
