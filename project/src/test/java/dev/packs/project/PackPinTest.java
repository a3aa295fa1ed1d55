package dev.packs.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackPinTest {
  @Test
  void readsTheColonAndTheDottedForms() {
    PackPin expected = new PackPin("Keil", "STM32G4xx_DFP", Optional.of("1.2.0"));
    assertThat(PackPin.parse("Keil::STM32G4xx_DFP@1.2.0")).isEqualTo(expected);
    assertThat(PackPin.parse("Keil.STM32G4xx_DFP.1.2.0")).isEqualTo(expected);
    assertThat(PackPin.parse("Keil.STM32G4xx_DFP.1.2.0").toString()).isEqualTo("Keil::STM32G4xx_DFP@1.2.0");
    assertThat(PackPin.parse("Keil::STM32G4xx_DFP")).isEqualTo(new PackPin("Keil", "STM32G4xx_DFP", Optional.empty()));
  }

  @Test
  void refusesARangeOrAMissingVendor() {
    assertThatThrownBy(() -> PackPin.parse("Keil::STM32G4xx_DFP@^1.2.0")).hasMessageContaining("exact version");
    assertThatThrownBy(() -> PackPin.parse("STM32G4xx_DFP@1.2.0")).hasMessageContaining("Vendor::Name@Version");
  }
}
