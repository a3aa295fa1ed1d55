package dev.packs.cli;

import dev.packs.flash.EraseMode;
import dev.packs.flash.FlashException;
import dev.packs.flash.FlashListener;
import dev.packs.flash.FlashOptions;
import dev.packs.flash.FlashResult;
import dev.packs.flash.FlashService;
import dev.packs.flash.FlashTarget;
import dev.packs.flash.Image;
import dev.packs.flash.ImageReader;
import dev.packs.probe.UsbCounters;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packs flash}: writes images into a target's flash through its flash algorithms. */
@Command(
    name = "flash",
    mixinStandardHelpOptions = true,
    description = {
      "Write images (bin, hex, srec, elf) into a target's flash with the algorithms 'packs target show'"
          + " names. Sectors that already hold the image are skipped; bytes of a touched sector that the"
          + " image does not cover are kept.",
      "Exit code 5 when the target or its algorithm fails, 3 when no probe is attached."
    })
final class FlashCommand implements Callable<Integer> {
  private final Services services;
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "image files; .bin needs --base-address"
      + " (default: the start of the boot flash)")
  private List<Path> images;

  @Option(names = "--target", paramLabel = "TARGET", description = "default: the only target in packs.yaml")
  private String target;

  @Option(names = "--probe", paramLabel = "PROBE",
      description = "emulator[:FILE] (an emulated device; its flash persists in FILE), cmsis-dap[:SERIAL],"
          + " stlink[:SERIAL], virtual-dap[:FILE], virtual-stlink[:FILE]; default: the only attached probe")
  private String probe;

  @Option(names = "--erase", paramLabel = "auto|sector|chip", defaultValue = "sector",
      description = "sector (default), chip, or auto: chip erase when every sector is touched")
  private String erase;

  @Option(names = "--base-address", paramLabel = "ADDR", description = "where a raw binary image starts")
  private String baseAddress;

  @Option(names = "--no-verify", description = "do not verify after programming")
  private boolean noVerify;

  @Option(names = "--json", description = "print the result as JSON")
  private boolean json;

  FlashCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    EraseMode mode = eraseMode();
    ProbeSpec probeSpec = ProbeSpec.parse(Optional.ofNullable(probe), services.workingDir());
    String name = FlashContext.target(services, spec, target);
    FlashService service = FlashContext.service(services, spec);
    FlashTarget flashTarget = service.resolve(name);
    Image image = readImages(flashTarget);
    PrintWriter err = spec.commandLine().getErr();
    FlashProgress progress = new FlashProgress(err, !noVerify);
    FlashListener listener = services.terminal() ? progress : FlashListener.NONE;
    long started = System.nanoTime();
    FlashResult result;
    long operations;
    String label;
    Optional<UsbCounters> usb;
    try (Connection connection = Probes.connect(probeSpec, DeviceSpec.of(flashTarget), err)) {
      label = connection.label();
      try {
        result = service.flash(flashTarget, connection.target(), image,
            new FlashOptions(mode, !noVerify, connection.limits()), listener);
      } finally {
        progress.end();
      }
      operations = connection.target().operations();
      usb = connection.usb();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    FlashReport report = FlashReport.of(flashTarget, label, image, result, seconds, operations, usb);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, report);
    } else {
      report.print(out);
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private EraseMode eraseMode() {
    try {
      return EraseMode.valueOf(erase.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for --erase: '" + erase + "'; expected auto, sector or chip");
    }
  }

  /** Reads every image; a raw binary without --base-address starts at the boot flash. */
  private Image readImages(FlashTarget flashTarget) throws Exception {
    Optional<Long> base = Optional.ofNullable(baseAddress)
        .map(text -> Addresses.parse(spec, "--base-address", text));
    Optional<Long> boot = flashTarget.programmable().stream().findFirst().map(r -> r.region().start());
    List<Image> read = new ArrayList<>();
    for (Path given : images) {
      Path file = services.workingDir().resolve(given);
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(given.toString(), null, "no such image file");
      }
      boolean raw = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bin");
      read.add(ImageReader.read(file, base.isPresent() || !raw ? base : boot));
    }
    return merge(read);
  }

  /** One image of all files; two files that write the same bytes are refused, naming both. */
  private Image merge(List<Image> read) throws FlashException {
    List<Image.Segment> all = new ArrayList<>();
    read.forEach(i -> all.addAll(i.segments()));
    try {
      return Image.of(all);
    } catch (Image.OverlapException e) {
      long from = e.second().address();
      long to = Math.min(e.first().end(), e.second().end());
      List<String> owners = new ArrayList<>();
      for (int i = 0; i < read.size(); i++) {
        if (read.get(i).touches(from, to - from)) {
          owners.add(images.get(i).toString());
        }
      }
      throw new FlashException.BadPlan(String.format("%s write the same bytes 0x%08X..0x%08X; nothing was written",
          String.join(" and ", owners), from, to - 1));
    }
  }
}
