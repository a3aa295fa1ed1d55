package dev.packs.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Image's lookups (binary searches over sorted segments) against a byte-per-address model. */
class ImageTest {
  private static final int SPAN = 0x200;

  @Property(tries = 300)
  void lookupsAgreeWithAByteModel(@ForAll long seed, @ForAll @IntRange(max = SPAN) int start,
      @ForAll @IntRange(max = 0x80) int length) {
    Random random = new Random(seed);
    Integer[] model = new Integer[SPAN];
    List<Image.Segment> segments = new ArrayList<>();
    int at = random.nextInt(8);
    while (at < SPAN) {
      int size = Math.min(SPAN - at, 1 + random.nextInt(0x30));
      byte[] data = new byte[size];
      random.nextBytes(data);
      for (int i = 0; i < size; i++) {
        model[at + i] = data[i] & 0xFF;
      }
      segments.add(new Image.Segment(at, data));
      at += size + (random.nextBoolean() ? 0 : random.nextInt(0x20)); // adjacent or after a gap
    }
    Collections.shuffle(segments, random);

    Image image = Image.of(segments);

    boolean touches = false;
    boolean covers = true;
    byte[] base = new byte[length];
    byte[] expected = new byte[length];
    for (int i = 0; i < length; i++) {
      Integer b = start + i < SPAN ? model[start + i] : null;
      touches |= b != null;
      covers &= b != null;
      base[i] = (byte) i;
      expected[i] = b == null ? (byte) i : (byte) (int) b;
    }
    assertThat(image.touches(start, length)).isEqualTo(touches);
    assertThat(image.covers(start, length)).isEqualTo(covers);
    assertThat(image.overlay(start, base)).isEqualTo(expected);
    assertThat(image.byteAt(start)).isEqualTo(
        Optional.ofNullable(start < SPAN ? model[start] : null).map(Integer::byteValue));
    for (int i = 1; i < image.segments().size(); i++) {
      assertThat(image.segments().get(i).address()).isGreaterThan(image.segments().get(i - 1).end());
    }
  }

  @Test
  void overlappingSegmentsAreRefusedNamingBoth() {
    assertThatThrownBy(() -> Image.of(List.of(new Image.Segment(0x10, new byte[8]), new Image.Segment(0x0C, new byte[8]))))
        .isInstanceOf(Image.OverlapException.class)
        .hasMessage("overlapping data: 0x0000000C..0x00000013 and 0x00000010..0x00000017");
  }
}
