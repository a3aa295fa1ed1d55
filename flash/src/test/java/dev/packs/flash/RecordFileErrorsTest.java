package dev.packs.flash;

import static dev.packs.flash.ImageFixtures.hexRecord;
import static dev.packs.flash.ImageFixtures.srecRecord;
import static dev.packs.flash.ImageReaderTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intel HEX and S-record files, valid corner cases and one malformed file per failure; most are the real
 * objcopy outputs with one line broken, so each error is seen where a user would meet it.
 */
class RecordFileErrorsTest {
  @TempDir Path temp;

  @Test
  void hexWithBadChecksumNamesFileAndLine() throws Exception {
    List<String> lines = fixture("firmware.hex");
    lines.set(2, lines.get(2).substring(0, lines.get(2).length() - 2) + "00"); // line 3 was ...F3

    assertBadImage(write(temp, "bad.hex", lines), "3: bad checksum 0x00 (expected 0xF3)");
  }

  @Test
  void hexWithTruncatedLineNamesIt() throws Exception {
    List<String> lines = fixture("firmware.hex");
    lines.set(3, lines.get(3).substring(0, 30));

    assertBadImage(write(temp, "cut.hex", lines), "4: record of 0x10 data bytes needs 43 characters, the line has 30 (truncated)");
  }

  @Test
  void hexCutShortBeforeItsEndRecordIsTruncated() throws Exception {
    List<String> lines = fixture("firmware.hex");
    lines.remove(lines.size() - 1);

    assertBadImage(write(temp, "short.hex", lines), "no end-of-file record (type 01): the file is truncated");
  }

  @Test
  void hexWithUnknownRecordTypeNamesIt() throws Exception {
    Path hex = write(temp, "six.hex", List.of(hexRecord(0x06, 0, 1, 2), hexRecord(0x01, 0)));

    assertBadImage(hex, "1: unknown record type 0x06");
  }

  @Test
  void hexWithNonHexCharacterNamesTheColumn() throws Exception {
    Path hex = write(temp, "g.hex", List.of(":02000000G1FF00", hexRecord(0x01, 0)));

    assertBadImage(hex, "1: 'G' at column 10 is not a hex digit");
  }

  @Test
  void hexWritingTheSameBytesTwiceNamesBothRanges() throws Exception {
    List<String> lines = fixture("firmware.hex");
    lines.add(13, lines.get(1)); // line 2's 16 bytes at 0x08000000 again, as line 14

    assertBadImage(write(temp, "twice.hex", lines),
        "overlapping data: 0x08000000..0x080000B7 (line 2) and 0x08000000..0x0800000F (line 14)");
  }

  @Test
  void hexSegmentAddressesWrapWithinTheirSixtyFourKilobytes() throws Exception {
    // Extended segment 0x1000 (base 0x10000); 4 bytes at offset 0xFFFE wrap to 0x10000 and 0x10001.
    // Start segment (03) and start linear (05) addresses carry no data and are ignored.
    Path hex = write(temp, "seg.hex", List.of(
        hexRecord(0x02, 0, 0x10, 0x00),
        hexRecord(0x03, 0, 0, 0, 0x12, 0x34),
        hexRecord(0x00, 0xFFFE, 0xA1, 0xA2, 0xA3, 0xA4),
        hexRecord(0x05, 0, 0x08, 0, 0, 0x09),
        hexRecord(0x01, 0)));

    assertThat(ImageReader.read(hex, Optional.empty())).isEqualTo(Image.of(List.of(
        new Image.Segment(0x10000, new byte[] {(byte) 0xA3, (byte) 0xA4}),
        new Image.Segment(0x1FFFE, new byte[] {(byte) 0xA1, (byte) 0xA2}))));
  }

  @Test
  void hexLinearAddressesDoNotWrap() throws Exception {
    Path hex = write(temp, "lin.hex", List.of(
        hexRecord(0x04, 0, 0x08, 0x00), hexRecord(0x00, 0xFFFE, 1, 2, 3, 4), hexRecord(0x01, 0)));

    assertThat(ImageReader.read(hex, Optional.empty()))
        .isEqualTo(Image.of(List.of(new Image.Segment(0x0800_FFFEL, new byte[] {1, 2, 3, 4}))));
  }

  @Test
  void hexDataPastTheAddressSpaceNamesTheLine() throws Exception {
    Path hex = write(temp, "top.hex", List.of(
        hexRecord(0x04, 0, 0xFF, 0xFF), hexRecord(0x00, 0xFFFE, 1, 2, 3, 4), hexRecord(0x01, 0)));

    assertBadImage(hex, "2: data 0xFFFFFFFE..0x100000001 runs past the end of the 32-bit address space");
  }

  @Test
  void binaryBytesNamedHexFailOnTheFirstLongLineWithoutReadingOn() throws Exception {
    byte[] noNewlines = new byte[1 << 20];
    java.util.Arrays.fill(noNewlines, (byte) ':');
    Path hex = Files.write(temp.resolve("blob.hex"), noNewlines);

    assertBadImage(hex, "1: line is longer than 1024 characters, which no record is");
  }

  @Test
  void srecWithBadChecksumNamesFileAndLine() throws Exception {
    List<String> lines = fixture("firmware.srec");
    lines.set(1, lines.get(1).substring(0, lines.get(1).length() - 2) + "00"); // line 2 was ...DC

    assertBadImage(write(temp, "bad.srec", lines), "2: bad checksum 0x00 (expected 0xDC)");
  }

  @Test
  void srecWithTruncatedLineNamesIt() throws Exception {
    List<String> lines = fixture("firmware.srec");
    lines.set(2, lines.get(2).substring(0, 20));

    assertBadImage(write(temp, "cut.srec", lines), "3: record count 0x15 needs 46 characters, the line has 20 (truncated)");
  }

  @Test
  void srecWithReservedS4RecordIsUnknown() throws Exception {
    Path srec = write(temp, "s4.srec", List.of(srecRecord(4, 2, 0, 1), srecRecord(9, 2, 0)));

    assertBadImage(srec, "1: unknown record type 'S4'");
  }

  @Test
  void srecWithoutTerminationIsTruncated() throws Exception {
    List<String> lines = fixture("firmware.srec");
    lines.remove(lines.size() - 1);

    assertBadImage(write(temp, "short.srec", lines), "no termination record (S7, S8 or S9): the file is truncated");
  }

  @Test
  void srecRecordCountsAreChecked() throws Exception {
    List<String> good = List.of(srecRecord(0, 2, 0), srecRecord(1, 2, 0x10, 1, 2), srecRecord(2, 3, 0x12, 3),
        srecRecord(5, 2, 2), srecRecord(9, 2, 0));
    List<String> bad = List.of(srecRecord(1, 2, 0x10, 1, 2), srecRecord(6, 3, 5), srecRecord(9, 2, 0));

    assertThat(ImageReader.read(write(temp, "good.s19", good), Optional.empty()))
        .isEqualTo(Image.of(List.of(new Image.Segment(0x10, new byte[] {1, 2, 3}))));
    assertBadImage(write(temp, "bad.s19", bad), "2: S6 record counts 5 data records, the file has 1 before it");
  }

  @Test
  void srecWritingTheSameBytesTwiceNamesBothRanges() throws Exception {
    Path srec = write(temp, "twice.s19", List.of(
        srecRecord(1, 2, 0x100, 1, 2, 3, 4), srecRecord(1, 2, 0x102, 9), srecRecord(9, 2, 0)));

    assertBadImage(srec, "overlapping data: 0x00000100..0x00000103 (line 1) and 0x00000102..0x00000102 (line 2)");
  }

  private List<String> fixture(String name) {
    return new ArrayList<>(ImageFixtures.lines(name));
  }

  private static void assertBadImage(Path file, String where) {
    String prefix = where.matches("\\d+: .*") ? file + ":" : file + ": ";
    assertThatThrownBy(() -> ImageReader.read(file, Optional.empty()))
        .isInstanceOf(FlashException.BadImage.class)
        .hasMessage(prefix + where)
        .satisfies(e -> assertThat(((FlashException.BadImage) e).file()).isEqualTo(file));
  }
}
