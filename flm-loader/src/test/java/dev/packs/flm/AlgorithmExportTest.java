package dev.packs.flm;

import dev.packs.flm.testdata.TestAlgorithms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

// sfc_m4_Os: its values are spelled out in FlmLoaderTest, so the expected output here is hand-checked.
class AlgorithmExportTest {
  private final FlashAlgorithm algo = TestAlgorithms.load("sfc_m4_Os.flm");
  private final RamWindow ram = new RamWindow(0x2000_0000L, 0x8000);

  @Test
  void showJsonHasExactlyTheDocumentedShape() throws Exception {
    JsonNode json = new ObjectMapper().readTree(AlgorithmExport.showJson(algo));

    JsonNode expected = new ObjectMapper().readTree("""
        {"sha256": "%s",
         "device": {"name": "PACKS SFC 128KB Flash", "type": 1, "start": 134217728, "size": 131072,
                    "pageSize": 1024, "erasedValue": 255, "programTimeoutMs": 100, "eraseTimeoutMs": 3000},
         "sectors": [{"start": 134217728, "size": 4096}, {"start": 134250496, "size": 32768}],
         "entryPoints": {"init": 33, "unInit": 69, "eraseSector": 121, "programPage": 169,
                         "eraseChip": 89, "blankCheck": null, "verify": 237},
         "sections": {"code": {"offset": 0, "size": 264}, "data": {"offset": 264, "size": 8},
                      "bss": {"offset": 272, "size": 8}},
         "staticBase": 264}
        """.formatted(algo.sha256()));
    assertThat(json).isEqualTo(expected);
    assertThat(json.fieldNames()).toIterable()
        .containsExactly("sha256", "device", "sectors", "entryPoints", "sections", "staticBase");
  }

  @Test
  void probeRsYamlCarriesTheBlobOffsetsAndRelativeSectors() throws Exception {
    String yaml = AlgorithmExport.render(ExportFormat.PROBE_RS,
        List.of(ExportedAlgorithm.ofFile(algo, Optional.empty())));
    JsonNode a = new YAMLMapper().readTree(yaml).get("flash_algorithms").get(0);

    assertThat(a.get("name").asText()).isEqualTo("sfc_m4_os");
    assertThat(a.get("description").asText()).isEqualTo("PACKS SFC 128KB Flash");
    assertThat(a.get("default").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(a.get("instructions").asText()))
        .isEqualTo(algo.blob().toByteArray());
    assertThat(yaml).contains("  pc_init: 0x21\n", "  pc_uninit: 0x45\n", "  pc_program_page: 0xa9\n",
        "  pc_erase_sector: 0x79\n", "  pc_erase_all: 0x59\n", "  pc_verify: 0xed\n",
        "  data_section_offset: 0x108\n", "      start: 0x8000000\n", "      end: 0x8020000\n",
        "    page_size: 0x400\n", "    erased_byte_value: 0xff\n", "    program_page_timeout: 100\n",
        "    erase_sector_timeout: 3000\n",
        "    - size: 0x1000\n      address: 0x0\n", "    - size: 0x8000\n      address: 0x8000\n");
    assertThat(yaml).doesNotContain("pc_blank_check");
  }

  @Test
  void pyocdDictIsPlacedWithAbsoluteAddresses() {
    String dict = AlgorithmExport.render(ExportFormat.PYOCD,
        List.of(ExportedAlgorithm.ofFile(algo, Optional.of(ram))));
    PlacedAlgorithm placed = AlgorithmPlacer.place(algo, ram);

    assertThat(dict).contains("FLASH_ALGO_SFC_M4_OS = {\n", "    'load_address': 0x20000004,\n",
        "    'pc_init': 0x20000029,\n", "    'pc_eraseAll': 0x20000061,\n",
        "    'static_base': 0x20000110,\n", "    'begin_stack': 0x20008000,\n",
        "    'end_stack': 0x20000920,\n", "    'page_buffers': [0x20000120, 0x20000520],\n",
        "    'min_program_length': 0x400,\n", "        (0x0, 0x1000),\n", "        (0x8000, 0x8000),\n");
    assertThat(instructionWords(dict)).isEqualTo(words(placed.image()));
    assertThat(instructionWords(dict).get(0)).isEqualTo(0xE7FD_BE00L);
  }

  @Test
  void pyocdNeedsARamWindow() {
    assertThatThrownBy(() -> AlgorithmExport.render(ExportFormat.PYOCD,
            List.of(ExportedAlgorithm.ofFile(algo, Optional.empty()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the pyOCD format needs a RAM window for sfc_m4_os");
  }

  @Test
  void exportJsonAddsBlobAndPlacement() throws Exception {
    JsonNode a = new ObjectMapper().readTree(AlgorithmExport.render(ExportFormat.JSON,
        List.of(ExportedAlgorithm.ofFile(algo, Optional.of(ram))))).get("algorithms").get(0);

    assertThat(a.fieldNames()).toIterable()
        .containsExactly("name", "default", "source", "algorithm", "blob", "placement");
    assertThat(a.get("default").asBoolean()).isTrue();
    assertThat(a.get("algorithm")).isEqualTo(new ObjectMapper().readTree(AlgorithmExport.showJson(algo)));
    assertThat(Base64.getDecoder().decode(a.get("blob").asText())).isEqualTo(algo.blob().toByteArray());
    assertThat(a.get("placement").get("pageBuffers").get(1).asLong()).isEqualTo(0x2000_0520L);
    assertThat(a.get("placement").get("entryPoints").get("init").asLong()).isEqualTo(0x2000_0029L);
  }

  @Test
  void exportJsonWithoutRamHasNullPlacement() throws Exception {
    JsonNode a = new ObjectMapper().readTree(AlgorithmExport.render(ExportFormat.JSON,
        List.of(ExportedAlgorithm.ofFile(algo, Optional.empty())))).get("algorithms").get(0);

    assertThat(a.get("placement").isNull()).isTrue();
  }

  @Test
  void formatsAreNamedAsOnTheCommandLine() {
    assertThat(ExportFormat.fromLabel("probe-rs")).hasValue(ExportFormat.PROBE_RS);
    assertThat(ExportFormat.fromLabel("PyOCD")).hasValue(ExportFormat.PYOCD);
    assertThat(ExportFormat.fromLabel("yaml")).isEmpty();
  }

  private static List<Long> instructionWords(String dict) {
    Matcher block = Pattern.compile("'instructions': \\[(.*?)]", Pattern.DOTALL).matcher(dict);
    assertThat(block.find()).isTrue();
    List<Long> words = new ArrayList<>();
    Matcher word = Pattern.compile("0x([0-9a-f]{8})").matcher(block.group(1));
    while (word.find()) {
      words.add(Long.parseLong(word.group(1), 16));
    }
    return words;
  }

  private static List<Long> words(Blob image) {
    List<Long> words = new ArrayList<>();
    for (int i = 0; i < image.size(); i += 4) {
      words.add(image.wordAt(i));
    }
    return words;
  }
}
