package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeException;
import dev.packs.probe.internal.usb.HidBus;
import dev.packs.probe.internal.usb.HidDeviceInfo;
import dev.packs.probe.internal.usb.UsbBus;
import dev.packs.probe.internal.usb.UsbDeviceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The usb4java and hidapi boundary with recorded devices behind it; opening a device connects its
 * pipe to a virtual CMSIS-DAP probe, so everything above the boundary is the real code.
 */
final class FakeBuses {
  private FakeBuses() {}

  /** A USB bus with {@code devices}; each opened pipe talks to a fresh virtual probe. */
  static final class Usb implements UsbBus {
    final List<UsbDeviceInfo> devices;
    final List<Integer> writes = new ArrayList<>();
    RuntimeException failure;
    /** Opened pipes find an answer an earlier session never read (to a DAP_Info packet-size request). */
    boolean staleAnswer;

    Usb(List<UsbDeviceInfo> devices) {
      this.devices = devices;
    }

    @Override
    public List<UsbDeviceInfo> devices(Consumer<String> problems) {
      if (failure != null) {
        throw failure;
      }
      return devices;
    }

    @Override
    public BulkPipe open(UsbDeviceInfo device, UsbDeviceInfo.Interface iface, int out, int in) {
      VirtualDapTransport probe = VirtualDap.over(VirtualDapContractTest.device(dev.packs.emulator.Core.CORTEX_M4),
          VirtualDapConfig.DEFAULT, new dev.packs.probe.internal.sim.FaultPlan()).transport();
      int maxPacket = iface.endpoints().get(0).maxPacketSize();
      if (staleAnswer) {
        probe.write(new byte[] {0x00, (byte) 0xFF}, 2);
      }
      return new BulkPipe() {
        @Override
        public int write(byte[] data, int length, int timeoutMillis) {
          writes.add(length);
          if (length > 0) {
            probe.write(data, length);
          }
          return length;
        }

        @Override
        public int read(byte[] buffer, int timeoutMillis) {
          try {
            return probe.read(buffer);
          } catch (ProbeException.Timeout e) {
            return -1;
          }
        }

        @Override
        public int maxPacketSize() {
          return maxPacket;
        }

        @Override
        public void close() {
          probe.close();
        }
      };
    }
  }

  /** A HID bus with {@code devices}; each opened interface talks to a virtual 64-byte-report probe. */
  static final class Hid implements HidBus {
    final List<HidDeviceInfo> devices;
    final List<byte[]> reports = new ArrayList<>();

    Hid(List<HidDeviceInfo> devices) {
      this.devices = devices;
    }

    @Override
    public List<HidDeviceInfo> devices() {
      return devices;
    }

    @Override
    public HidPipe open(HidDeviceInfo device) {
      VirtualDapTransport probe = VirtualDap.over(VirtualDapContractTest.device(dev.packs.emulator.Core.CORTEX_M0),
          VirtualDapConfig.fullSpeedHid(), new dev.packs.probe.internal.sim.FaultPlan()).transport();
      return new HidPipe() {
        @Override
        public int reportSize() {
          return 64;
        }

        @Override
        public int write(byte[] report) {
          reports.add(report.clone());
          // The probe sees the whole report; trailing zeros are padding it ignores.
          probe.write(report, report.length);
          return report.length;
        }

        @Override
        public int read(byte[] buffer, int timeoutMillis) {
          byte[] answer = new byte[64];
          int n;
          try {
            n = probe.read(answer);
          } catch (ProbeException.Timeout e) {
            return 0;
          }
          System.arraycopy(answer, 0, buffer, 0, Math.min(64, buffer.length));
          return Math.max(n, 64);
        }

        @Override
        public void close() {
          probe.close();
        }
      };
    }
  }
}
