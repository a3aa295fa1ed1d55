package dev.packs.cli;

import dev.packs.flm.AlgorithmExport;
import dev.packs.flm.BlobRange;
import dev.packs.flm.EntryPoints;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlashDevice;
import dev.packs.flm.SectorRun;
import java.io.PrintWriter;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packs algo show FILE.flm [--json]}: everything parsed from one FLM. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Print everything parsed from one .FLM file.")
final class AlgoShowCommand implements Callable<Integer> {
  private final Services services;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE.flm", description = "The flash algorithm file.")
  private String file;

  @Option(names = "--json", description = "Print one JSON object (stable shape, see README).")
  private boolean json;

  AlgoShowCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    FlashAlgorithm algo = AlgoFiles.load(services, file);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(AlgorithmExport.showJson(algo));
    } else {
      text(out, algo);
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private static void text(PrintWriter out, FlashAlgorithm algo) {
    FlashDevice d = algo.device();
    out.printf("file            %s%n", algo.source());
    out.printf("sha256          %s%n", algo.sha256());
    out.printf("device          %s (type %d, version 0x%04X)%n", d.name(), d.type(), d.version());
    out.printf("flash           0x%08X..0x%08X (%d KiB)%n", d.start(), d.end(), d.size() / 1024);
    out.printf("page size       0x%X%n", d.pageSize());
    out.printf("erased value    0x%02X%n", d.erasedValue());
    out.printf("timeouts        program page %d ms, erase sector %d ms%n", d.programTimeoutMs(),
        d.eraseTimeoutMs());
    String label = "sectors";
    for (SectorRun run : algo.sectors()) {
      out.printf("%-15s 0x%08X..0x%08X  %d x 0x%X%n", label, run.start(), run.end(), run.count(),
          run.size());
      label = "";
    }
    EntryPoints e = algo.entryPoints();
    out.printf("entry points    Init 0x%X, UnInit 0x%X, EraseSector 0x%X, ProgramPage 0x%X%n",
        e.init(), e.unInit(), e.eraseSector(), e.programPage());
    out.printf("                EraseChip %s, BlankCheck %s, Verify %s%n", opt(e.eraseChip()),
        opt(e.blankCheck()), opt(e.verify()));
    out.printf("sections        code %s, data %s, bss %s%n", range(algo.sections().code()),
        range(algo.sections().data()), range(algo.sections().bss()));
    out.printf("static base     0x%X (r9 = load address of the blob + this)%n", algo.staticBase());
    out.printf("blob            %d bytes%n", algo.blob().size());
  }

  private static String opt(OptionalLong value) {
    return value.isPresent() ? String.format("0x%X", value.getAsLong()) : "absent";
  }

  private static String range(BlobRange r) {
    return String.format("0x%X+0x%X", r.offset(), r.size());
  }
}
