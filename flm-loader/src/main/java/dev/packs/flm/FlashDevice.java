package dev.packs.flm;

import java.util.Objects;

/**
 * The {@code FlashDevice} descriptor of an FLM (the 160-byte header; the sector list is {@link
 * FlashAlgorithm#sectors()}). Addresses, sizes and timeouts are unsigned 32-bit values.
 *
 * @param version interface version, e.g. 0x0101
 * @param name device name, as the file spells it
 * @param type device type: 1 on-chip, 2 external 8-bit, ... 5 external SPI
 * @param start address of the first byte of flash
 * @param size size of the flash in bytes
 * @param pageSize programming page size in bytes
 * @param erasedValue the value of an erased byte, usually 0xFF
 * @param programTimeoutMs timeout of one ProgramPage call
 * @param eraseTimeoutMs timeout of one EraseSector call
 */
public record FlashDevice(
    int version,
    String name,
    int type,
    long start,
    long size,
    long pageSize,
    int erasedValue,
    long programTimeoutMs,
    long eraseTimeoutMs) {
  public FlashDevice {
    Objects.requireNonNull(name, "name");
    if (version < 0 || version > 0xFFFF || type < 0 || type > 0xFFFF) {
      throw new IllegalArgumentException("version and type are 16-bit values");
    }
    if (erasedValue < 0 || erasedValue > 0xFF) {
      throw new IllegalArgumentException("erasedValue is a byte: " + erasedValue);
    }
    U32.check("start", start);
    U32.check("size", size);
    U32.checkEnd("end", start + size);
    U32.check("pageSize", pageSize);
    U32.check("programTimeoutMs", programTimeoutMs);
    U32.check("eraseTimeoutMs", eraseTimeoutMs);
  }

  /** The first address past the flash. */
  public long end() {
    return start + size;
  }
}
