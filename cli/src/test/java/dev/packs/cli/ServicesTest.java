package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServicesTest {
  // What /proc/self/fd/2 resolves to: a pseudo-terminal, a console, and the usual non-terminals.
  @Test
  void stderrIsATerminalOnlyWhenItLeadsToATerminalDevice() {
    assertThat(Services.isTerminalDevice(Path.of("/dev/pts/3"))).isTrue();
    assertThat(Services.isTerminalDevice(Path.of("/dev/tty1"))).isTrue();
    assertThat(Services.isTerminalDevice(Path.of("/dev/tty"))).isTrue();
    assertThat(Services.isTerminalDevice(Path.of("pipe:[40123]"))).isFalse();
    assertThat(Services.isTerminalDevice(Path.of("socket:[40124]"))).isFalse();
    assertThat(Services.isTerminalDevice(Path.of("/dev/null"))).isFalse();
    assertThat(Services.isTerminalDevice(Path.of("/home/me/build.log"))).isFalse();
    assertThat(Services.isTerminalDevice(Path.of("/dev/ttyfolder/x"))).isFalse();
  }
}
