package dev.packs.probe.internal.dap;

import dev.packs.emulator.Emulator;
import dev.packs.probe.ProbeInfo;
import dev.packs.probe.internal.arm.CortexM;
import dev.packs.probe.internal.arm.CortexMTarget;
import dev.packs.probe.internal.sim.FaultPlan;
import dev.packs.probe.internal.sim.SimulatedCore;
import dev.packs.probe.internal.sim.SimulatedMemAp;
import dev.packs.probe.internal.sim.SimulatedSwDp;
import java.util.OptionalDouble;

/**
 * The virtual CMSIS-DAP probe: firmware, SW-DP, AHB-AP and Cortex-M debug logic over an emulated
 * device, reached through the same host code as a USB probe.
 */
public final class VirtualDap {
  public static final ProbeInfo INFO = new ProbeInfo("virtual-dap", "packs", "Virtual CMSIS-DAP", "",
      "", "virtual", 0, 0, OptionalDouble.empty());

  private final VirtualDapTransport transport;
  private final SimulatedSwDp dp;
  private final SimulatedCore core;

  private VirtualDap(VirtualDapTransport transport, SimulatedSwDp dp, SimulatedCore core) {
    this.transport = transport;
    this.dp = dp;
    this.core = core;
  }

  /** Builds the probe and the chip's debug logic around {@code emulator}. */
  public static VirtualDap over(Emulator emulator, VirtualDapConfig config, FaultPlan faults) {
    SimulatedCore core = new SimulatedCore(emulator, faults, config.instructionsPerTransfer(),
        config.bootAddress());
    int cpuid = emulator.readWord(CortexM.CPUID);
    // The M3/M4 AHB-AP (4 KiB TAR wrap) or the ARMv6-M/ARMv8-M one (1 KiB).
    int part = CortexM.partNumber(cpuid);
    int idr = part == 0xC23 || part == 0xC24 ? 0x2477_0011 : 0x0477_0031;
    SimulatedMemAp memAp = new SimulatedMemAp(core, idr);
    SimulatedSwDp dp = new SimulatedSwDp(config.dpidr(), memAp, core, faults);
    VirtualDapTransport transport = new VirtualDapTransport(new VirtualDapFirmware(config, dp), faults);
    return new VirtualDap(transport, dp, core);
  }

  /** Opens the host side over it, as {@code --probe virtual-dap} does. */
  public CortexMTarget open() {
    return CmsisDap.open(transport, INFO);
  }

  public VirtualDapTransport transport() {
    return transport;
  }

  public SimulatedSwDp dp() {
    return dp;
  }

  public SimulatedCore core() {
    return core;
  }
}
