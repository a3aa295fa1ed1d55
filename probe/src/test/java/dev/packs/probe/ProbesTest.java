package dev.packs.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.emulator.Core;
import dev.packs.emulator.Emulator;
import dev.packs.emulator.RamRegion;
import dev.packs.probe.internal.ProbeDriver;
import dev.packs.probe.internal.dap.CmsisDapDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The facade: listing never throws, selection by kind and serial, and the virtual probe's factory. */
class ProbesTest {
  private final List<String> warnings = new ArrayList<>();
  private final ProbeListener listener = new ProbeListener() {
    @Override
    public void warning(String message) {
      warnings.add(message);
    }
  };

  private static ProbeInfo probe(String kind, String serial) {
    return new ProbeInfo(kind, "Vendor", "Product", serial, "2.1.1", "v2", 0x1234, 0x5678,
        OptionalDouble.empty());
  }

  /** A driver that lists fixed probes and records which one it was asked to open. */
  private static final class Listed implements ProbeDriver {
    final String kind;
    final List<ProbeInfo> probes;
    final List<ProbeInfo> opened = new ArrayList<>();
    RuntimeException failure;

    Listed(String kind, ProbeInfo... probes) {
      this.kind = kind;
      this.probes = List.of(probes);
    }

    @Override
    public String kind() {
      return kind;
    }

    @Override
    public String virtualKind() {
      return "virtual-" + kind;
    }

    @Override
    public List<ProbeInfo> list(ProbeListener listener) {
      if (failure != null) {
        throw failure;
      }
      return probes;
    }

    @Override
    public ProbeTarget open(ProbeInfo probe, ProbeListener listener) {
      opened.add(probe);
      return null;
    }

    @Override
    public ProbeTarget openVirtual(Optional<Path> file, EmulatedDeviceFactory devices, ProbeListener l) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void listingNeverThrowsWhenAFamilyFails() {
    Listed dap = new Listed("cmsis-dap", probe("cmsis-dap", "A1"));
    Listed broken = new Listed("stlink");
    broken.failure = new IllegalStateException("libusb exploded");
    assertThat(new Probes(List.of(broken, dap), listener).list()).extracting(ProbeInfo::spec)
        .containsExactly("cmsis-dap:A1");
    assertThat(warnings).singleElement().asString().contains("stlink").contains("libusb exploded");
  }

  @Test
  void opensTheOnlyAttachedProbeWithoutASelector() {
    Listed dap = new Listed("cmsis-dap", probe("cmsis-dap", "A1"));
    new Probes(List.of(dap), listener).open(ProbeSelector.any(), EmulatedDeviceFactory.NONE);
    assertThat(dap.opened).extracting(ProbeInfo::serial).containsExactly("A1");
  }

  @Test
  void asksForASelectorWhenSeveralProbesAreAttached() {
    Listed dap = new Listed("cmsis-dap", probe("cmsis-dap", "A1"), probe("cmsis-dap", "B2"));
    Probes probes = new Probes(List.of(dap), listener);
    assertThatThrownBy(() -> probes.open(ProbeSelector.any(), EmulatedDeviceFactory.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cmsis-dap:A1, cmsis-dap:B2");
    probes.open("cmsis-dap:b2", EmulatedDeviceFactory.NONE);
    assertThat(dap.opened).extracting(ProbeInfo::serial).containsExactly("B2");
  }

  @Test
  void aSerialNobodyHasIsNotFoundAndNamesWhatIsAttached() {
    Probes probes = new Probes(List.of(new Listed("cmsis-dap", probe("cmsis-dap", "A1"))), listener);
    assertThatThrownBy(() -> probes.open("cmsis-dap:ZZ", EmulatedDeviceFactory.NONE))
        .isInstanceOf(ProbeException.NotFound.class)
        .hasMessageContaining("serial ZZ").hasMessageContaining("attached: cmsis-dap:A1");
  }

  @Test
  void anUnknownKindIsAUsageErrorNamingTheKnownOnes() {
    Probes probes = new Probes(List.of(new Listed("cmsis-dap")), listener);
    assertThatThrownBy(() -> probes.open("jlink:123", EmulatedDeviceFactory.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'jlink'").hasMessageContaining("cmsis-dap[:SERIAL], virtual-cmsis-dap[:FILE]");
  }

  @Test
  void createKnowsTheCmsisDapAndStLinkFamilies() {
    // The one line per family in Probes.create: both kinds and both virtual kinds are known.
    assertThatThrownBy(() -> Probes.create(listener).open("jlink", EmulatedDeviceFactory.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cmsis-dap[:SERIAL], virtual-dap[:FILE], stlink[:SERIAL], virtual-stlink[:FILE]");
  }

  @Test
  void parsesProbeSpecs() {
    assertThat(ProbeSelector.parse("CMSIS-DAP:0670ff"))
        .isEqualTo(new ProbeSelector.Usb(Optional.of("cmsis-dap"), Optional.of("0670ff")));
    assertThat(ProbeSelector.parse("cmsis-dap"))
        .isEqualTo(new ProbeSelector.Usb(Optional.of("cmsis-dap"), Optional.empty()));
    assertThat(ProbeSelector.parse("virtual-dap:flash.bin"))
        .isEqualTo(new ProbeSelector.Virtual("virtual-dap", Optional.of(Path.of("flash.bin"))));
    assertThatThrownBy(() -> ProbeSelector.parse(":x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theVirtualProbeRunsOnTheCallersDeviceAndHandsItBackOnClose() {
    // What `--probe virtual-dap:FILE` does: the caller builds the device and saves it afterwards.
    List<String> calls = new ArrayList<>();
    EmulatedDeviceFactory factory = new EmulatedDeviceFactory() {
      @Override
      public Emulator create(Optional<Path> file) {
        calls.add("create " + file.orElseThrow());
        return Emulator.builder().core(Core.CORTEX_M0PLUS).ram(new RamRegion(0x2000_0000L, 0x1000)).build();
      }

      @Override
      public void close(Emulator emulator, Optional<Path> file) {
        calls.add("close " + file.orElseThrow() + " " + Integer.toHexString(emulator.readWord(0x2000_0000L)));
      }
    };
    try (ProbeTarget target = new Probes(List.of(new CmsisDapDriver()), listener).open("virtual-dap:chip.bin", factory)) {
      assertThat(target.info().kind()).isEqualTo("virtual-dap");
      assertThat(target.readWord(0xE000_ED00L)).isEqualTo(0x410C_C601);
      target.writeWord(0x2000_0000L, 0xC0FFEE);
    }
    assertThat(calls).containsExactly("create chip.bin", "close chip.bin c0ffee");
  }
}
