package dev.packs.index.internal.resolve;

import dev.packs.index.DeviceNode;
import java.util.Optional;

/** Attribute-wise merges: the lower declaration wins, missing attributes come from the upper. */
final class Merge {
  private Merge() {}

  static <T> Optional<T> or(Optional<T> lower, Optional<T> upper) {
    return lower.isPresent() ? lower : upper;
  }

  static DeviceNode.Processor processor(DeviceNode.Processor lo, DeviceNode.Processor up) {
    return new DeviceNode.Processor(
        or(lo.pname(), up.pname()), or(lo.core(), up.core()), or(lo.fpu(), up.fpu()),
        or(lo.mpu(), up.mpu()), or(lo.endian(), up.endian()), or(lo.clock(), up.clock()),
        or(lo.units(), up.units()));
  }

  static DeviceNode.Memory memory(DeviceNode.Memory lo, DeviceNode.Memory up) {
    return new DeviceNode.Memory(
        or(lo.name(), up.name()), or(lo.id(), up.id()), or(lo.start(), up.start()),
        or(lo.size(), up.size()), or(lo.access(), up.access()),
        or(lo.isDefault(), up.isDefault()), or(lo.startup(), up.startup()),
        or(lo.uninit(), up.uninit()), or(lo.alias(), up.alias()), or(lo.pname(), up.pname()));
  }

  static DeviceNode.Debug debug(DeviceNode.Debug lo, DeviceNode.Debug up) {
    return new DeviceNode.Debug(
        or(lo.pname(), up.pname()), or(lo.punit(), up.punit()), or(lo.svd(), up.svd()),
        or(lo.dp(), up.dp()), or(lo.ap(), up.ap()), or(lo.apid(), up.apid()),
        or(lo.address(), up.address()),
        or(lo.defaultResetSequence(), up.defaultResetSequence()));
  }
}
