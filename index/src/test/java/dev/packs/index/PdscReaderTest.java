package dev.packs.index;

import dev.packs.index.testdata.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdscReaderTest {

  @Test
  void readsEverySharedDescriptorAndResolvesItsDevices() throws Exception {
    List<Path> files = SharedData.all("pdsc", ".pdsc");
    assertThat(files).hasSize(72);
    int devices = 0;
    for (Path p : files) {
      if (p.getFileName().toString().equals("cpm-bench.pdsc")) {
        continue; // not a descriptor: see rejectsAnIndexLineWhereADescriptorWasExpected
      }
      PackDescriptor pdsc = SharedData.read(p.getFileName().toString());
      assertThat(pdsc.vendor()).as(p.toString()).isNotBlank();
      assertThat(pdsc.name()).as(p.toString()).isNotBlank();
      devices += DeviceResolver.resolve(pdsc).devices().size();
    }
    // 2532 is what the JAXB binding also found, file by file, before the StAX binder replaced it.
    assertThat(devices).isEqualTo(2532);
  }

  @Test
  void readsPackageHeaderWithReleasesNewestFirst() throws Exception {
    // The F1 2.3.0 DFP: a real pack with a long release history.
    PackDescriptor pdsc = SharedData.read("Keil.STM32F1xx_DFP.2.3.0.pdsc");
    assertThat(pdsc.vendor()).isEqualTo("Keil");
    assertThat(pdsc.name()).isEqualTo("STM32F1xx_DFP");
    assertThat(pdsc.url()).contains("http://www.keil.com/pack/");
    assertThat(pdsc.version()).contains(Version.parse("2.3.0"));
    assertThat(pdsc.releases()).extracting(r -> r.version().toString()).startsWith("2.3.0", "2.2.0", "2.1.0");
    assertThat(pdsc.releases().get(0).date()).contains("2018-11-05");
  }

  @Test
  void ignoresAReleaseThatIsCommentedOut() throws Exception {
    // The G4 1.1.0 DFP comments out its 1.0.0 release.
    PackDescriptor pdsc = SharedData.read("Keil.STM32G4xx_DFP.1.1.0.pdsc");
    assertThat(pdsc.releases()).extracting(r -> r.version().toString()).containsExactly("1.1.0");
    assertThat(pdsc.releases().get(0).text()).startsWith("Initial public release of STM32G4");
  }

  @Test
  void rejectsAnIndexLineWhereADescriptorWasExpected() {
    // cpm's bench input is a single <pdsc> index line, not a descriptor.
    assertThatThrownBy(() -> SharedData.read("cpm-bench.pdsc"))
        .isInstanceOf(IndexException.NotADescriptor.class)
        .hasMessageContaining("cpm-bench.pdsc")
        .hasMessageContaining("<pdsc>");
  }
}
