package dev.packs.flash.internal.image;

import dev.packs.flash.FlashException;
import dev.packs.flash.Image;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the data records of one file into runs (a record that continues the previous one extends it),
 * bounded by {@link ImageLimits}, and turns them into an {@link Image}. Each run remembers where it began
 * (a line or a segment) so that overlapping data can be reported by both ranges and both origins.
 */
final class ImageBuilder {
  /** What a position counts: lines of a text file or segments of an ELF file. */
  enum Unit {
    LINE,
    SEGMENT
  }

  private final Path file;
  private final Unit unit;
  private final List<Run> runs = new ArrayList<>();
  private long total;

  ImageBuilder(Path file, Unit unit) {
    this.file = file;
    this.unit = unit;
  }

  /** Adds {@code length} bytes of {@code data} from {@code offset} at {@code address}, found at {@code position}. */
  void add(long address, byte[] data, int offset, int length, int position) throws FlashException.BadImage {
    if (length == 0) {
      return;
    }
    if (address + length > ImageLimits.ADDRESS_SPACE) {
      throw new FlashException.BadImage(file, where(position), String.format(
          "data 0x%X..0x%X runs past the end of the 32-bit address space", address, address + length - 1));
    }
    total += length;
    if (total > ImageLimits.MAX_BYTES) {
      throw new FlashException.BadImage(file, where(position),
          "the image holds more than " + ImageLimits.mib(ImageLimits.MAX_BYTES) + " of data; packs refuses it");
    }
    Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
    if (last == null || last.end() != address) {
      last = new Run(address, position);
      runs.add(last);
    }
    last.append(data, offset, length);
  }

  Image build() throws FlashException.BadImage {
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingLong(r -> r.address));
    Run reach = null; // the run reaching furthest so far
    for (Run run : sorted) {
      if (reach != null && run.address < reach.end()) {
        throw new FlashException.BadImage(file, "", "overlapping data: " + reach.describe() + " and " + run.describe());
      }
      if (reach == null || run.end() > reach.end()) {
        reach = run;
      }
    }
    List<Image.Segment> segments = new ArrayList<>(sorted.size());
    for (Run run : sorted) {
      segments.add(new Image.Segment(run.address, run.bytes()));
    }
    return Image.of(segments);
  }

  private String where(int position) {
    return unit == Unit.LINE ? String.valueOf(position) : "segment " + position;
  }

  private final class Run {
    private final long address;
    private final int position;
    private byte[] data = new byte[64];
    private int size;

    Run(long address, int position) {
      this.address = address;
      this.position = position;
    }

    long end() {
      return address + size;
    }

    void append(byte[] bytes, int offset, int length) {
      if (size + length > data.length) {
        // total is capped, so so is this run
        long grown = Math.max((long) data.length * 2, (long) size + length);
        data = Arrays.copyOf(data, (int) Math.min(grown, ImageLimits.MAX_BYTES));
      }
      System.arraycopy(bytes, offset, data, size, length);
      size += length;
    }

    byte[] bytes() {
      return Arrays.copyOf(data, size);
    }

    String describe() {
      return String.format("0x%08X..0x%08X (%s %d)", address, end() - 1,
          unit == Unit.LINE ? "line" : "segment", position);
    }
  }
}
