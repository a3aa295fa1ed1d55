package dev.packs.emulator.internal.bus;

import java.util.Optional;

/** A flash array seen through its model on every access: a peripheral as big as the array. */
record CommandMappedArray(FlashArray array, FlashController controller, ArrayReader reader)
    implements Peripheral {
  @Override
  public String name() {
    return controller.name();
  }

  @Override
  public int base() {
    return array.start();
  }

  @Override
  public int size() {
    return array.size();
  }

  @Override
  public int read(int offset, int size) {
    return reader.readArray(offset, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    controller.writeArray(array, offset, size, value);
  }

  @Override
  public Optional<String> registerName(int offset) {
    return controller.registerName(offset + (array.start() - controller.base()))
        .or(() -> Optional.of(controller.name() + " array"));
  }

  @Override
  public void reset() {
    controller.reset();
  }
}
