package dev.packs.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceDatabaseCodecTest {
  // The attack's device name: longer than the 65,535 bytes DataOutput.writeUTF can hold.
  private static final String LONG_NAME = "D" + "x".repeat(70_000);

  private static PackDescriptor withLongName() throws IndexException {
    String xml = "<package><vendor>V</vendor><name>N</name><releases><release version='1.0.0'/></releases><devices>"
        + "<family Dfamily='F' Dvendor='V:1'><processor Dcore='Cortex-M4'/><device Dname='" + LONG_NAME + "'>"
        + "<memory name='Flash' start='0x08000000' size='0x20000' access='rx'/></device><device Dname='Short'/></family>"
        + "</devices></package>";
    return PdscReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "long.pdsc");
  }

  @Test
  void storesAndFindsADeviceWhoseNameIsLongerThan64KiB() throws Exception {
    DeviceResolver.Result resolved = DeviceResolver.resolve(withLongName());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DeviceDatabaseCodec.writePack(new DataOutputStream(bytes), resolved);
    DeviceDatabaseCodec.StoredDevice found = DeviceDatabaseCodec.findDevice(
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), LONG_NAME).orElseThrow();
    assertThat(found.device()).isEqualTo(resolved.devices().get(0));
    assertThat(DeviceDatabaseCodec.findDevice(
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "Short")).isPresent();
  }

  @Test
  void catalogKeepsALongDeviceNameAndALongError() throws Exception {
    PackDescriptor pdsc = withLongName();
    PackSource source = new PackSource("web:V.N", Path.of("/root/.Web/V.N.pdsc"), PackSource.Origin.WEB);
    IndexedPack good = IndexedPack.of(source, 10, 20, pdsc, DeviceResolver.resolve(pdsc).devices());
    PackSource other = new PackSource("web:V.M", Path.of("/root/.Web/V.M.pdsc"), PackSource.Origin.WEB);
    IndexedPack failed = new IndexedPack(other, 1, 2, "", "web:V.M", java.util.Optional.empty(), List.of(), List.of(),
        java.util.Optional.of("bad value '" + "9".repeat(70_000) + "'"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DeviceDatabaseCodec.writeCatalog(new DataOutputStream(bytes), List.of(good, failed));
    List<IndexedPack> read = DeviceDatabaseCodec.readCatalog(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(read).containsExactly(good, failed);
  }
}
