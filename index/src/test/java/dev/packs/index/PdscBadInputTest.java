package dev.packs.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Descriptors as vendors get them wrong, and as attackers might write them. */
class PdscBadInputTest {

  private static PackDescriptor parse(String xml) throws IndexException {
    return PdscReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t.pdsc");
  }

  private static String pack(String devices) {
    return "<?xml version='1.0'?>\n<package schemaVersion='1.7'><vendor>V</vendor><name>N</name>"
        + "<description>d</description><releases><release version='1.0.0'>r</release></releases>\n"
        + "<devices>" + devices + "</devices></package>";
  }

  private static String family(String body) {
    return "<family Dfamily='F' Dvendor='Acme:99'>" + body + "</family>";
  }

  private static final String CPU = "<processor Dcore='Cortex-M4'/>";

  @Test
  void malformedXmlNamesFileLineAndColumn() {
    String xml = "<?xml version='1.0'?>\n<package>\n  <vendor>V</vendor>\n  <name>N</nam>\n</package>";
    assertThatThrownBy(() -> parse(xml))
        .isInstanceOf(IndexException.MalformedXml.class)
        .satisfies(e -> {
          IndexException.MalformedXml m = (IndexException.MalformedXml) e;
          assertThat(m.source()).isEqualTo("t.pdsc");
          assertThat(m.line()).isEqualTo(4);
          assertThat(m.column()).isBetween(10, 16);
        })
        .hasMessageStartingWith("t.pdsc:4:");
  }

  @Test
  void malformedXmlInsideTheDevicesSubtreeKeepsItsPosition() {
    // The error is raised while the binder reads the devices subtree; the position must survive.
    String xml = pack(family("<device Dname='D'>\n" + CPU + "<memory name='a' start='0' size='1'></device>"));
    assertThatThrownBy(() -> parse(xml))
        .isInstanceOf(IndexException.MalformedXml.class)
        .hasMessageStartingWith("t.pdsc:4:");
  }

  @Test
  void htmlPageIsReportedAsHtml() {
    String html = "\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<html><body>Not found</body></html>";
    assertThatThrownBy(() -> parse(html))
        .isInstanceOf(IndexException.NotADescriptor.class)
        .hasMessage("t.pdsc: expected a pack descriptor (.pdsc) with a <package> root but found an HTML page");
  }

  @Test
  void rejectsDtdAndExternalEntities() {
    String xxe = "<?xml version='1.0'?>\n<!DOCTYPE package [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
        + "<package><vendor>&x;</vendor><name>N</name></package>";
    assertThatThrownBy(() -> parse(xxe))
        .isInstanceOf(IndexException.MalformedXml.class)
        .hasMessageContaining("DOCTYPE/DTD is not allowed")
        .hasMessageNotContaining("root:");
  }

  @Test
  void rejectsUndeclaredEntityReferences() {
    String xml = "<?xml version='1.0'?>\n<package><vendor>&x;</vendor><name>N</name></package>";
    assertThatThrownBy(() -> parse(xml)).isInstanceOf(IndexException.MalformedXml.class);
  }

  @Test
  void deviceWithoutProcessorIsKeptWithAWarning() throws Exception {
    PackDescriptor pdsc = parse(pack(family("<device Dname='NoCpu'><memory id='IROM1' start='0' size='16'/></device>")));
    DeviceResolver.Result r = DeviceResolver.resolve(pdsc);
    assertThat(r.devices()).extracting(Device::name).containsExactly("NoCpu");
    assertThat(r.devices().get(0).processors()).isEmpty();
    assertThat(r.devices().get(0).targets()).hasSize(1);
    assertThat(r.warnings()).containsExactly("t.pdsc: device 'NoCpu' has no <processor>; kept without processor details");
  }

  @Test
  void duplicateDeviceIsWarnedAboutAndTheLowerLevelWins() throws Exception {
    String devices = family(CPU
        + "<device Dname='Twin'><memory name='a' start='1' size='1'/>"
        + "<variant Dvariant='Twin'><memory name='b' start='2' size='2'/></variant></device>"
        + "<device Dname='Same'><memory name='first' start='1' size='1'/></device>"
        + "<device Dname='Same'><memory name='second' start='1' size='1'/></device>");
    DeviceResolver.Result r = DeviceResolver.resolve(parse(pack(devices)));
    assertThat(r.devices()).extracting(Device::name).containsExactly("Twin", "Same");
    assertThat(r.devices().get(0).variantOf()).contains("Twin");
    assertThat(r.devices().get(0).memories()).extracting(Device.Memory::name).containsExactly("a", "b");
    assertThat(r.devices().get(1).memories()).extracting(Device.Memory::name).containsExactly("first");
    assertThat(r.warnings()).containsExactly(
        "t.pdsc: duplicate device 'Twin' (device and variant); keeping the variant",
        "t.pdsc: duplicate device 'Same' (device and device); keeping the first device");
  }

  @Test
  void readsNumbersTheWayTheReferenceImplementationDoes() throws Exception {
    // 0X is hex; a leading 0 is decimal, never octal; + is allowed; values above 2^31 fit.
    String devices = family(CPU + "<device Dname='D'>"
        + "<memory name='upper' start='0X1FFF7800' size='010'/>"
        + "<memory name='plus' start='+0x20000000' size='+4096'/>"
        + "<memory name='top' start='0xFFFFF000' size='0x1000'/>"
        + "</device>");
    Device d = DeviceResolver.resolve(parse(pack(devices)), "D").orElseThrow();
    assertThat(d.memories()).extracting(Device.Memory::start)
        .containsExactly(0x1FFF7800L, 0x20000000L, 0xFFFFF000L);
    assertThat(d.memories()).extracting(Device.Memory::size).containsExactly(10L, 4096L, 0x1000L);
  }

  @Test
  void addressOrSizeBeyond32BitsSkipsOnlyThatElementAndSaysWhy() throws Exception {
    // The attack's values: a size with the top bit set used to become negative and break every query.
    String devices = family(CPU + "<device Dname='D'>"
        + "<memory name='Flash' start='0x08000000' size='0x8000000000000000'/>"
        + "<memory name='RAM' start='0x20000000' size='0x8000' default='1'/>"
        + "<algorithm name='A.FLM' start='0xFFFFFFFFFFFFFFFF' size='0x1000'/>"
        + "<algorithm name='B.FLM' start='0x08000000' size='0x1000' RAMsize='0x100000000'/>"
        + "</device>");
    PackDescriptor pdsc = parse(pack(devices));
    Device d = DeviceResolver.resolve(pdsc, "D").orElseThrow();
    assertThat(d.memories()).extracting(Device.Memory::name).containsExactly("RAM");
    assertThat(d.algorithms()).isEmpty();
    assertThat(pdsc.problems()).containsExactly(
        "t.pdsc (device 'D'): bad value '0x8000000000000000' for attribute 'size' of <memory>: above 0xFFFFFFFF;"
            + " addresses and sizes are unsigned 32-bit on Cortex-M; this <memory> 'Flash' is skipped",
        "t.pdsc (device 'D'): bad value '0xFFFFFFFFFFFFFFFF' for attribute 'start' of <algorithm>: above 0xFFFFFFFF;"
            + " addresses and sizes are unsigned 32-bit on Cortex-M; this <algorithm> 'A.FLM' is skipped",
        "t.pdsc (device 'D'): bad value '0x100000000' for attribute 'RAMsize' of <algorithm>: above 0xFFFFFFFF;"
            + " addresses and sizes are unsigned 32-bit on Cortex-M; this <algorithm> 'B.FLM' is skipped");
  }

  @Test
  void badNumberSkipsOnlyItsElementNamingTheAttributeAndTheDevice() throws Exception {
    String devices = family(CPU + "<device Dname='D'><memory name='m' start='0x0800000G' size='1'/>"
        + "<memory name='ok' start='0' size='1'/></device>");
    PackDescriptor pdsc = parse(pack(devices));
    assertThat(DeviceResolver.resolve(pdsc, "D").orElseThrow().memories()).extracting(Device.Memory::name)
        .containsExactly("ok");
    assertThat(pdsc.problems()).containsExactly("t.pdsc (device 'D'): bad value '0x0800000G' for attribute 'start'"
        + " of <memory>: not a number (decimal, or hexadecimal with 0x); this <memory> 'm' is skipped");
  }

  @Test
  void hexDigitsWithoutPrefixAreAProblemNotASilentValue() throws Exception {
    String devices = family(CPU + "<device Dname='D'><algorithm name='a.FLM' start='0' size='8000' RAMsize='1F00'/></device>");
    PackDescriptor pdsc = parse(pack(devices));
    assertThat(DeviceResolver.resolve(pdsc, "D").orElseThrow().algorithms()).isEmpty();
    assertThat(pdsc.problems()).singleElement().asString().contains("'RAMsize' of <algorithm>");
  }

  @Test
  void booleansAcceptOneZeroTrueFalseOnly() throws Exception {
    String ok = family(CPU + "<device Dname='D'><memory name='a' start='0' size='1' default='true' startup='1'/>"
        + "<memory name='b' start='1' size='1' default='false' startup='0'/></device>");
    Device d = DeviceResolver.resolve(parse(pack(ok)), "D").orElseThrow();
    assertThat(d.memories()).extracting(Device.Memory::isDefault).containsExactly(true, false);
    assertThat(d.memories()).extracting(Device.Memory::startup).containsExactly(true, false);
    String bad = family(CPU + "<device Dname='D'><memory name='a' start='0' size='1' default='yes'/></device>");
    assertThat(parse(pack(bad)).problems()).singleElement().asString()
        .contains("'default' of <memory>: expected 1, 0, true or false");
  }

  @Test
  void familyWithoutDfamilyKeepsItsDevicesAndNotesTheGap() throws Exception {
    // cmsis-pack-manager's own test pack with Dfamily removed: pyOCD and cpackget accept such a file.
    Path shared = Path.of(System.getProperty("packs.shared", "../../shared")).resolve("data/pdsc");
    String text = Files.readString(shared.resolve("cpm-test-MyVendor.MyPack.pdsc")).replace(" Dfamily=\"MyFamily\"", "");
    PackDescriptor pdsc = PdscReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "MyVendor.MyPack.pdsc");
    Device d = DeviceResolver.resolve(pdsc, "MyDevice").orElseThrow();
    assertThat(d.family()).isEmpty();
    assertThat(d.algorithms()).extracting(Device.Algorithm::path).containsExactly("flash/algo.FLM");
    assertThat(pdsc.problems()).containsExactly(
        "MyVendor.MyPack.pdsc: <family> without Dfamily; its devices are kept with an empty family name");
  }

  @Test
  void deviceWithoutDnameAndOtherUnreadableHeadersAreSkippedOneByOne() throws Exception {
    String xml = "<?xml version='1.0'?>\n<package><vendor>V</vendor><name>N</name>"
        + "<releases><release version='1.0.0'/><release version='one'/></releases>"
        + "<requirements><packages><package vendor='ARM' name='CMSIS' version='5.0.0:x'/>"
        + "<package vendor='ARM' name='Ok' version='1.0.0'/></packages></requirements>"
        + "<devices>" + family(CPU + "<device><memory name='m' start='0' size='1'/></device><device Dname='Kept'/>") + "</devices>"
        + "<boards><board><mountedDevice Dname='Kept'/></board><board name='B'><mountedDevice Dname='Kept' deviceIndex='x'/></board></boards>"
        + "</package>";
    PackDescriptor pdsc = parse(xml);
    assertThat(pdsc.releases()).extracting(r -> r.version().toString()).containsExactly("1.0.0");
    assertThat(pdsc.requirements()).extracting(PackDescriptor.Requirement::name).containsExactly("Ok");
    assertThat(DeviceResolver.resolve(pdsc).devices()).extracting(Device::name).containsExactly("Kept");
    assertThat(pdsc.boards()).singleElement().satisfies(b -> assertThat(b.mountedDevices()).isEmpty());
    assertThat(pdsc.problems()).hasSize(5).allSatisfy(p -> assertThat(p).startsWith("t.pdsc").endsWith("is skipped"));
    assertThat(pdsc.problems()).anySatisfy(p -> assertThat(p).isEqualTo(
        "t.pdsc (family 'F'): <device> without Dname; this <device> with its variants is skipped"));
  }

  @Test
  void invalidUtf8IsReportedOnceWithLineAndColumnAndNothingReachesStandardError() throws Exception {
    // The attack's byte: 0xFF can never appear in UTF-8; the JDK's parser used to print "[Fatal Error]".
    byte[] bytes = ("<?xml version='1.0' encoding='UTF-8'?>\n<package>\n  <vendor>V\u00ff</vendor><name>N</name></package>")
        .getBytes(StandardCharsets.ISO_8859_1);
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> PdscReader.read(new ByteArrayInputStream(bytes), "t.pdsc"))
          .isInstanceOfSatisfying(IndexException.MalformedXml.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(12);
          })
          .hasMessage("t.pdsc:3:12: malformed XML: invalid UTF-8: byte 0xFF");
    } finally {
      System.setErr(original);
    }
    assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void honoursADeclaredSingleByteEncodingAndAByteOrderMark() throws Exception {
    // Some vendors still write ISO-8859-1; a UTF-8 byte-order mark is common on Windows-made files.
    byte[] latin1 = "<?xml version='1.0' encoding='ISO-8859-1'?><package><vendor>V</vendor><name>N</name><description>caf\u00e9</description></package>"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(PdscReader.read(new ByteArrayInputStream(latin1), "t.pdsc").description()).isEqualTo("caf\u00e9");
    byte[] bom = "\ufeff<package><vendor>V</vendor><name>N</name><description>caf\u00e9</description></package>"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(PdscReader.read(new ByteArrayInputStream(bom), "t.pdsc").description()).isEqualTo("caf\u00e9");
  }

  @Test
  void ignoresUnknownElementsAndAttributesAndAnyElementOrder() throws Exception {
    String devices = family("<future x='1'><deep/></future>" + CPU
        + "<device Dname='D' Dfuture='z'><algorithm name='A\\Flash\\X.flm' start='0' size='4' newattr='q'/>"
        + "<memory name='m' start='0' size='4'/><algorithm name='B.FLM' start='4' size='4'/><processor Dclock='1'/>"
        + "</device>");
    Device d = DeviceResolver.resolve(parse(pack(devices)), "D").orElseThrow();
    assertThat(d.algorithms()).extracting(Device.Algorithm::path).containsExactly("A/Flash/X.flm", "B.FLM");
    assertThat(d.processors()).singleElement().satisfies(p -> {
      assertThat(p.core()).isEqualTo("Cortex-M4");
      assertThat(p.clock()).contains(1L);
    });
    assertThat(d.vendor()).isEqualTo("Acme");
  }

  @Test
  void lowerLevelFillsOnlyWhatItDeclares() throws Exception {
    // A device re-declares the family's memory with a new size; start and access come from above.
    String devices = family(CPU + "<memory name='Flash' access='rx' start='0x08000000' size='0x1000' default='1'/>"
        + "<device Dname='D'><memory name='Flash' size='0x2000'/></device>");
    Device d = DeviceResolver.resolve(parse(pack(devices)), "D").orElseThrow();
    assertThat(d.memories()).containsExactly(new Device.Memory(
        "Flash", 0x08000000L, 0x2000L, "rx", true, false, false, Optional.empty(), Optional.empty(), "device D"));
  }

  @Test
  void missingVendorOrNameIsNotADescriptor() {
    assertThatThrownBy(() -> parse("<package><name>N</name></package>"))
        .isInstanceOf(IndexException.NotADescriptor.class)
        .hasMessageContaining("without <vendor>");
  }
}
