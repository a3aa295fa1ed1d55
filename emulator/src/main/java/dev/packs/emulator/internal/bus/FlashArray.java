package dev.packs.emulator.internal.bus;

import java.util.Arrays;
import java.util.Objects;

/**
 * The cells of one NOR flash array: they start erased, programming can only clear bits, and erasing
 * sets a whole sector back to the erased value. Sectors come from a {@link SectorTable}; how much is
 * programmed at once is the controller's business.
 */
public final class FlashArray {
  private final int start;
  private final byte[] cells;
  private final byte erased;
  private final SectorTable sectors;

  public FlashArray(int start, int size, int erasedValue, SectorTable sectors) {
    if (size <= 0) {
      throw new IllegalArgumentException("flash size must be positive: " + size);
    }
    if (erasedValue < 0 || erasedValue > 0xFF) {
      throw new IllegalArgumentException("erased value is not a byte: " + erasedValue);
    }
    this.sectors = Objects.requireNonNull(sectors, "sectors");
    if (sectors.size() != size) {
      throw new IllegalArgumentException(String.format(
          "sector table covers 0x%X bytes but the array has 0x%X", sectors.size(), size));
    }
    this.start = start;
    this.cells = new byte[size];
    this.erased = (byte) erasedValue;
    Arrays.fill(cells, erased);
  }

  public int start() {
    return start;
  }

  public int size() {
    return cells.length;
  }

  public int erasedValue() {
    return erased & 0xFF;
  }

  public SectorTable sectors() {
    return sectors;
  }

  /** The backing cells; the bus reads them directly. Only this class and the bus write them. */
  byte[] cells() {
    return cells;
  }

  public boolean contains(int offset) {
    return offset >= 0 && offset < cells.length;
  }

  /** Erases the sector that contains {@code offset}, and returns that sector. */
  public SectorTable.Sector eraseSectorAt(int offset) {
    SectorTable.Sector sector = sectors.sectorAt(offset);
    erase(sector.offset(), sector.size());
    return sector;
  }

  /** Sets {@code length} bytes from {@code offset} to the erased value. */
  public void erase(int offset, int length) {
    Objects.checkFromIndexSize(offset, length, cells.length);
    Arrays.fill(cells, offset, offset + length, erased);
  }

  public void eraseAll() {
    Arrays.fill(cells, erased);
  }

  /** Programs {@code size} little-endian bytes of {@code value}: each cell becomes {@code old & new}. */
  public void program(int offset, int size, int value) {
    Objects.checkFromIndexSize(offset, size, cells.length);
    for (int i = 0; i < size; i++) {
      cells[offset + i] &= (byte) (value >>> (8 * i));
    }
  }

  /** True when programming {@code value} over the current cells needs no bit set from 0 to 1. */
  public boolean canProgram(int offset, int size, int value) {
    int old = read(offset, size);
    return (~old & value & mask(size)) == 0;
  }

  /** True when all {@code length} bytes from {@code offset} hold the erased value. */
  public boolean isErased(int offset, int length) {
    Objects.checkFromIndexSize(offset, length, cells.length);
    for (int i = offset; i < offset + length; i++) {
      if (cells[i] != erased) {
        return false;
      }
    }
    return true;
  }

  /** Reads {@code size} (1, 2 or 4) little-endian bytes. */
  public int read(int offset, int size) {
    Objects.checkFromIndexSize(offset, size, cells.length);
    int value = 0;
    for (int i = size - 1; i >= 0; i--) {
      value = (value << 8) | (cells[offset + i] & 0xFF);
    }
    return value;
  }

  /** A copy of the whole array. */
  public byte[] snapshot() {
    return cells.clone();
  }

  /** Overwrites the array with {@code image}, as a debugger or a test fixture would. */
  public void load(int offset, byte[] image) {
    Objects.checkFromIndexSize(offset, image.length, cells.length);
    System.arraycopy(image, 0, cells, offset, image.length);
  }

  private static int mask(int size) {
    return size == 4 ? -1 : (1 << (8 * size)) - 1;
  }
}
