package dev.packs.cli;

import dev.packs.project.PackPin;
import dev.packs.project.ProjectEditor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code packs pin TARGET PACK_ID}: records a pack pin for a target in packs.yaml. */
@Command(
    name = "pin",
    mixinStandardHelpOptions = true,
    description = {
      "Pins a target to one pack version in packs.yaml (comments and order are kept).",
      "Example: packs pin stm32g431kbtx Keil::STM32G4xx_DFP@1.2.0"
    })
final class PinCommand implements Callable<Integer> {
  private final Services services;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "device name, e.g. stm32g431kbtx")
  private String target;

  @Parameters(index = "1", paramLabel = "PACK_ID", description = "Vendor::Name@Version",
      converter = PinConverter.class)
  private PackPin pin;

  PinCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    ProjectEditor.Edit edit = ProjectContext.editor(services, spec).pin(target, pin.toString());
    spec.commandLine().getErr().printf("packs: %s pinned to %s in %s%n",
        edit.target().name(), edit.target().pack().orElseThrow(), edit.file());
    return ExitCode.OK.code();
  }

  /** Reads PACK_ID; {@link PackPin#parse} documents its IllegalArgumentException as the bad-input signal. */
  static final class PinConverter implements ITypeConverter<PackPin> {
    @Override
    public PackPin convert(String value) {
      try {
        return PackPin.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
