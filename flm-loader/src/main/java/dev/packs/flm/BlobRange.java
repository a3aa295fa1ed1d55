package dev.packs.flm;

/** A range of bytes inside an algorithm's blob (which starts where PrgCode is linked: 0). */
public record BlobRange(long offset, long size) {
  public BlobRange {
    U32.check("offset", offset);
    U32.check("size", size);
    U32.checkEnd("end", offset + size);
  }

  public long end() {
    return offset + size;
  }

  public boolean overlaps(BlobRange other) {
    return size > 0 && other.size > 0 && offset < other.end() && other.offset < end();
  }
}
