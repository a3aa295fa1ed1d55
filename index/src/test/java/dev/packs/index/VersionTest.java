package dev.packs.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VersionTest {

  private static List<String> sorted(String... versions) {
    return Stream.of(versions).map(Version::parse).sorted().map(Version::toString).toList();
  }

  @Test
  void ordersPreReleasesBelowTheirRelease() {
    assertThat(sorted("1.0.0", "1.0.0-rc.1", "1.0.0-alpha", "0.9.9", "1.0.0-alpha.2", "1.0.0-beta"))
        .containsExactly("0.9.9", "1.0.0-alpha", "1.0.0-alpha.2", "1.0.0-beta", "1.0.0-rc.1", "1.0.0");
  }

  @Test
  void comparesNumericPartsAsNumbers() {
    assertThat(sorted("1.10.0", "1.9.0", "1.2.0-10", "1.2.0-9", "11.0.0"))
        .containsExactly("1.2.0-9", "1.2.0-10", "1.9.0", "1.10.0", "11.0.0");
  }

  @Test
  void ignoresBuildMetadataForOrderAndEqualityButKeepsItForDisplay() {
    Version a = Version.parse("2.1.0+sha.abc");
    assertThat(a).isEqualTo(Version.parse("2.1.0")).hasSameHashCodeAs(Version.parse("2.1.0"));
    assertThat(a.toString()).isEqualTo("2.1.0+sha.abc");
    assertThat(a.withoutMeta()).isEqualTo("2.1.0");
  }

  @Test
  void readsTheShortFormsVendorsPublish() {
    assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1.0.0"));
    assertThat(Version.parse("4.74.0-9").isPreRelease()).isTrue();
  }

  @Test
  void rejectsTextThatIsNotAVersion() {
    assertThat(Version.tryParse("latest")).isEmpty();
    assertThat(Version.tryParse("1.2.3.4")).isEmpty();
    assertThat(Version.tryParse("1..2")).isEmpty();
    assertThatThrownBy(() -> Version.parse("v1")).hasMessageContaining("'v1'");
  }

  @org.junit.jupiter.api.Test
  void textOrderPutsNonVersionsBelowVersionsAndNeverTiesTwoDifferentTexts() {
    // Folder names such as "latest" or "1.x" appear under Vendor/Name/ in real pack roots.
    java.util.List<String> sorted = new java.util.ArrayList<>(java.util.List.of("2.0.0", "latest", "1.x", "1.2.0-rc1", "1.2.0", "10.0.0"));
    sorted.sort(Version.TEXT_ORDER);
    org.assertj.core.api.Assertions.assertThat(sorted).containsExactly("1.x", "latest", "1.2.0-rc1", "1.2.0", "2.0.0", "10.0.0");
    org.assertj.core.api.Assertions.assertThat(Version.TEXT_ORDER.compare("latest", "1.x")).isPositive();
    org.assertj.core.api.Assertions.assertThat(Version.TEXT_ORDER.compare("1.2.0+meta", "1.2.0")).isZero();
  }
}
