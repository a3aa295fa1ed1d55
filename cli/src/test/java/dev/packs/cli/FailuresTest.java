package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.probe.ProbeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class FailuresTest {
  private final StringWriter err = new StringWriter();

  @Command(name = "work")
  private record Throwing(Exception failure) implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      throw failure;
    }
  }

  /** Runs a real picocli command whose work throws {@code failure}, with the handler the CLI installs. */
  private int run(Exception failure, Map<String, String> env) {
    Failures failures = new Failures(new PrintWriter(err, true), new Services(env, Path.of("."), Clock.systemUTC(), false));
    CommandLine line = new CommandLine(new Throwing(failure));
    line.setExecutionExceptionHandler(failures);
    line.setParameterExceptionHandler(failures);
    return line.execute();
  }

  @Test
  void strayIllegalArgumentExceptionIsAnInternalErrorNotAUsageError() {
    // An IllegalArgumentException from deep inside is a missing check, not a wrong command line.
    assertThat(run(new IllegalArgumentException("size must be positive"), Map.of())).isEqualTo(ExitCode.INTERNAL.code());
  }

  @Test
  void probeFailuresMapToWhatTheUserCanDoAboutThem() {
    // No probe: NOT_FOUND; firmware too old: FAILURE (update it); the wire or the target failing: TARGET.
    assertThat(run(new ProbeException.NotFound("no debug probe is attached"), Map.of()))
        .isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(run(new ProbeException.Unsupported("GET_VERSION: ST-Link firmware V2J21S4 is too old"), Map.of()))
        .isEqualTo(ExitCode.FAILURE.code());
    assertThat(run(new ProbeException.Timeout("stlink: halting the core"), Map.of()))
        .isEqualTo(ExitCode.TARGET.code());
  }

  @Test
  void unexpectedExceptionIsOneLineSayingItIsABugWithoutStackTrace() {
    assertThat(run(new IllegalStateException("boom"), Map.of())).isEqualTo(ExitCode.INTERNAL.code());
    assertThat(err.toString()).isEqualTo("packs: internal error (this is a bug; rerun with PACKS_DEBUG=1 for the"
        + " stack trace): java.lang.IllegalStateException: boom" + System.lineSeparator());
  }

  @Test
  void packsDebugPrintsTheStackTraceOfAnUnexpectedFailure() {
    assertThat(run(new IllegalStateException("boom"), Map.of("PACKS_DEBUG", "1"))).isEqualTo(ExitCode.INTERNAL.code());
    assertThat(err.toString()).contains("java.lang.IllegalStateException: boom").contains("\tat ");
  }

  @Test
  void packsDebugPrintsTheStackTraceOfAnExpectedFailureToo() {
    assertThat(run(new NoSuchFileException("nope.flm"), Map.of("PACKS_DEBUG", "1"))).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(err.toString()).startsWith("packs: nope.flm").contains("\tat ");
  }

  @Test
  void expectedFailurePrintsItsMessageOnly() {
    assertThat(run(new NoSuchFileException("nope.flm"), Map.of())).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(err.toString()).isEqualTo("packs: nope.flm" + System.lineSeparator());
  }

  @Test
  void packsDebugAlsoTracesACommandLineError() {
    StringWriter out = new StringWriter();
    Services services = new Services(Map.of("PACKS_DEBUG", "1"), Path.of("."), Clock.systemUTC(), false);
    int code = PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services).execute("--no-such-option");
    assertThat(code).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("Unknown option: '--no-such-option'").contains("\tat picocli.");
  }
}
