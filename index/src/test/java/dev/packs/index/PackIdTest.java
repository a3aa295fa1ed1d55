package dev.packs.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackIdTest {
  private static final List<Version> AVAILABLE =
      List.of("1.1.0", "1.2.3", "1.2.9", "1.3.0", "2.0.0-rc1", "2.0.0", "2.1.0").stream()
          .map(Version::parse)
          .toList();

  private static String pick(String id) throws Exception {
    return PackId.parse(id).requirement().select(AVAILABLE).map(Version::toString).orElse("none");
  }

  @Test
  void acceptsEveryCpackgetForm() throws Exception {
    assertThat(pick("Keil::STM32G4xx_DFP")).isEqualTo("2.1.0");
    assertThat(pick("Keil::STM32G4xx_DFP@1.2.3")).isEqualTo("1.2.3");
    assertThat(pick("Keil::STM32G4xx_DFP@^1.2.3")).isEqualTo("1.3.0");
    assertThat(pick("Keil::STM32G4xx_DFP@~1.2.3")).isEqualTo("1.2.9");
    assertThat(pick("Keil::STM32G4xx_DFP@>=1.2.3")).isEqualTo("2.1.0");
    assertThat(pick("Keil::STM32G4xx_DFP>=1.2.3")).isEqualTo("2.1.0");
    assertThat(pick("Keil::STM32G4xx_DFP@latest")).isEqualTo("2.1.0");
    assertThat(pick("Keil.STM32G4xx_DFP.1.1.0")).isEqualTo("1.1.0");
    assertThat(pick("Keil::STM32G4xx_DFP@9.9.9")).isEqualTo("none");
  }

  @Test
  void splitsVendorNameAndRequirement() throws Exception {
    PackId id = PackId.parse("Keil.STM32G4xx_DFP.1.1.0");
    assertThat(id.vendor()).contains("Keil");
    assertThat(id.name()).isEqualTo("STM32G4xx_DFP");
    assertThat(id.requirement()).isEqualTo(new VersionRequirement.Exact(Version.parse("1.1.0")));
    assertThat(PackId.parse("Keil::STM32G4xx_DFP@~1.2.3").requirement())
        .isEqualTo(new VersionRequirement.SameMinor(Version.parse("1.2.3")));
    assertThat(PackId.parse("STM32G4xx_DFP").vendor()).isEmpty();
    assertThat(PackId.parse("Keil.STM32G4xx_DFP").requirement()).isInstanceOf(VersionRequirement.Any.class);
  }

  @Test
  void rejectsMalformedIdsNamingThem() {
    assertThatThrownBy(() -> PackId.parse("Keil::STM32G4xx_DFP@1.x"))
        .isInstanceOf(IndexException.BadPackId.class)
        .hasMessageContaining("'1.x' is not a version");
    assertThatThrownBy(() -> PackId.parse("Keil::"))
        .isInstanceOf(IndexException.BadPackId.class)
        .hasMessageContaining("'Keil::'");
  }

  @Test
  void resolvesABareNameThroughTheIndexAndListsVendorsWhenAmbiguous() throws Exception {
    PackIndex index =
        new PackIndex(Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(entry("Keil", "STM32G4xx_DFP"), entry("Acme", "Common"), entry("Beta", "Common")),
            List.of());
    assertThat(PackId.parse("stm32g4xx_dfp").resolveVendor(index))
        .isEqualTo(new PackId(Optional.of("Keil"), "STM32G4xx_DFP", new VersionRequirement.Any()));
    assertThatThrownBy(() -> PackId.parse("Common").resolveVendor(index))
        .isInstanceOf(IndexException.AmbiguousName.class)
        .hasMessageContaining("Acme, Beta");
    assertThatThrownBy(() -> PackId.parse("Nope").resolveVendor(index))
        .isInstanceOf(IndexException.NotFound.class);
  }

  private static PackIndex.Entry entry(String vendor, String name) {
    return new PackIndex.Entry("https://x/", vendor, name, Version.parse("1.0.0"),
        Optional.empty(), Optional.empty(), Optional.empty());
  }
}
