package dev.packs.flm;

import dev.packs.flm.testdata.TestAlgorithms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

// sfc_m4_Os: blob 0x118 bytes, page 0x400, static base 0x108; small enough to reason about by hand.
class AlgorithmPlacerTest {
  private final FlashAlgorithm algo = TestAlgorithms.load("sfc_m4_Os.flm");

  @Test
  void doubleBuffersInTheTestDevicesRam() {
    RamWindow ram = new RamWindow(0x2000_0000L, 0x8000);

    assertThat(AlgorithmPlacer.place(algo, ram))
        .isEqualTo(new PlacedAlgorithm(algo, ram, 0x2000_0004L, 0x2000_0008L,
            new EntryPoints(0x2000_0029L, 0x2000_004DL, 0x2000_0081L, 0x2000_00B1L,
                OptionalLong.of(0x2000_0061L), OptionalLong.empty(), OptionalLong.of(0x2000_00F5L)),
            0x2000_0110L, List.of(0x2000_0120L, 0x2000_0520L), 0x400, 0x2000_0920L, 0x2000_8000L));
  }

  @Test
  void doubleBuffersWithExactlyTheMinimumStack() {
    PlacedAlgorithm placed = AlgorithmPlacer.place(algo, new RamWindow(0x2000_0000L, 0xB20));

    assertThat(placed.pageBuffers()).containsExactly(0x2000_0120L, 0x2000_0520L);
    assertThat(placed.stackSize()).isEqualTo(AlgorithmPlacer.MIN_DOUBLE_BUFFER_STACK);
  }

  @Test
  void fallsBackToOneBufferRatherThanSqueezeTheStackBelow512() {
    RamWindow ram = new RamWindow(0x2000_0000L, 0xB1F);

    assertThat(AlgorithmPlacer.place(algo, ram))
        .isEqualTo(new PlacedAlgorithm(algo, ram, 0x2000_0004L, 0x2000_0008L,
            algo.entryPoints().offsetBy(0x2000_0008L), 0x2000_0110L, List.of(0x2000_0120L), 0x400,
            0x2000_0520L, 0x2000_0B18L));
  }

  @Test
  void alignsCodeToEightBytesInAnOddWindow() {
    RamWindow ram = new RamWindow(0x2000_0002L, 0x1000);

    PlacedAlgorithm placed = AlgorithmPlacer.place(algo, ram);

    assertThat(placed.loadAddress()).isEqualTo(0x2000_0004L);
    assertThat(placed.codeStart()).isEqualTo(0x2000_0008L);
    assertThat(placed.stackTop()).isEqualTo(0x2000_1000L);
  }

  @Test
  void rejectsAWindowTooSmallForOneBufferAndTheStack() {
    RamWindow ram = new RamWindow(0x2000_0000L, 0x618);

    assertThatThrownBy(() -> AlgorithmPlacer.place(algo, ram))
        .isInstanceOfSatisfying(PlacementException.class, e -> {
          assertThat(e.needed()).isEqualTo(0x620);
          assertThat(e.ram()).isEqualTo(ram);
        })
        .hasMessage("sfc_m4_Os.flm: flash algorithm does not fit in RAM 0x20000000..0x20000618"
            + " (1560 bytes): it needs 1568 bytes (280 code and data + 1024 page buffer + 256 stack"
            + " + 8 trampoline and alignment)");
  }

  @Test
  void theNeededSizeIsEnough() {
    PlacedAlgorithm placed = AlgorithmPlacer.place(algo, new RamWindow(0x2000_0000L, 0x620));

    assertThat(placed.pageBuffers()).hasSize(1);
    assertThat(placed.stackSize()).isEqualTo(AlgorithmPlacer.MIN_STACK);
  }

  @Test
  void imageStartsWithTheBreakpointTrampolineThenTheBlob() {
    PlacedAlgorithm placed = AlgorithmPlacer.place(algo, new RamWindow(0x2000_0000L, 0x8000));
    Blob image = placed.image();

    assertThat(image.wordAt(0)).isEqualTo(0xE7FD_BE00L);
    assertThat(image.size()).isEqualTo(4 + algo.blob().size());
    assertThat(image.byteAt(4)).isEqualTo(algo.blob().byteAt(0));
  }
}
