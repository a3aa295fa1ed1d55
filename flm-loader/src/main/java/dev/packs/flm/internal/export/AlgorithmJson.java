package dev.packs.flm.internal.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.BlobRange;
import dev.packs.flm.EntryPoints;
import dev.packs.flm.ExportedAlgorithm;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlashDevice;
import dev.packs.flm.PlacedAlgorithm;
import java.util.List;
import java.util.OptionalLong;

/**
 * Records built for JSON output. {@link Show} is the stable shape of {@code algo show --json}; {@link
 * Export} adds a name, the blob and, when placed, the RAM layout. Every number is a JSON integer.
 */
public final class AlgorithmJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AlgorithmJson() {}

  @JsonPropertyOrder({"sha256", "device", "sectors", "entryPoints", "sections", "staticBase"})
  public record Show(
      String sha256,
      Device device,
      List<Sector> sectors,
      Entries entryPoints,
      SectionsJson sections,
      long staticBase) {}

  @JsonPropertyOrder({"name", "type", "start", "size", "pageSize", "erasedValue", "programTimeoutMs",
      "eraseTimeoutMs"})
  public record Device(String name, int type, long start, long size, long pageSize, int erasedValue,
      long programTimeoutMs, long eraseTimeoutMs) {}

  @JsonPropertyOrder({"start", "size"})
  public record Sector(long start, long size) {}

  @JsonPropertyOrder({"init", "unInit", "eraseSector", "programPage", "eraseChip", "blankCheck",
      "verify"})
  public record Entries(long init, long unInit, long eraseSector, long programPage, Long eraseChip,
      Long blankCheck, Long verify) {}

  @JsonPropertyOrder({"code", "data", "bss"})
  public record SectionsJson(Range code, Range data, Range bss) {}

  @JsonPropertyOrder({"offset", "size"})
  public record Range(long offset, long size) {}

  @JsonPropertyOrder({"name", "default", "source", "algorithm", "blob", "placement"})
  public record Export(String name, boolean isDefault, String source, Show algorithm, String blob,
      Placement placement) {
    @com.fasterxml.jackson.annotation.JsonProperty("default")
    public boolean isDefault() {
      return isDefault;
    }
  }

  @JsonPropertyOrder({"ramStart", "ramSize", "loadAddress", "codeStart", "entryPoints", "staticBase",
      "pageBuffers", "pageBufferSize", "stackBottom", "stackTop", "stackCanary"})
  public record Placement(long ramStart, long ramSize, long loadAddress, long codeStart,
      Entries entryPoints, long staticBase, List<Long> pageBuffers, long pageBufferSize,
      long stackBottom, long stackTop, long stackCanary) {}

  @JsonPropertyOrder({"algorithms"})
  public record ExportList(List<Export> algorithms) {}

  public static String show(FlashAlgorithm algo) {
    return write(of(algo));
  }

  public static String export(List<ExportedAlgorithm> algorithms) {
    return write(new ExportList(algorithms.stream().map(AlgorithmJson::export).toList()));
  }

  public static Show of(FlashAlgorithm algo) {
    FlashDevice d = algo.device();
    return new Show(
        algo.sha256(),
        new Device(d.name(), d.type(), d.start(), d.size(), d.pageSize(), d.erasedValue(),
            d.programTimeoutMs(), d.eraseTimeoutMs()),
        algo.sectors().stream().map(run -> new Sector(run.start(), run.size())).toList(),
        entries(algo.entryPoints()),
        new SectionsJson(range(algo.sections().code()), range(algo.sections().data()),
            range(algo.sections().bss())),
        algo.staticBase());
  }

  private static Export export(ExportedAlgorithm e) {
    Placement placement = e.ram().map(ram -> placement(AlgorithmPlacer.place(e.algorithm(), ram)))
        .orElse(null);
    return new Export(e.name(), e.isDefault(), e.algorithm().source(), of(e.algorithm()),
        e.algorithm().blob().base64(), placement);
  }

  private static Placement placement(PlacedAlgorithm p) {
    return new Placement(p.ram().start(), p.ram().size(), p.loadAddress(), p.codeStart(),
        entries(p.entryPoints()), p.staticBase(), p.pageBuffers(), p.pageBufferSize(),
        p.stackBottom(), p.stackTop(), PlacedAlgorithm.STACK_CANARY);
  }

  private static Entries entries(EntryPoints e) {
    return new Entries(e.init(), e.unInit(), e.eraseSector(), e.programPage(), boxed(e.eraseChip()),
        boxed(e.blankCheck()), boxed(e.verify()));
  }

  private static Range range(BlobRange r) {
    return new Range(r.offset(), r.size());
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("output records always serialize", e);
    }
  }
}
