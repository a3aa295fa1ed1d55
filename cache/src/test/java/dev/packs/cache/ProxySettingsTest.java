package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
  private final ProxySettings corporate = corporate();

  private static ProxySettings corporate() {
    try {
      return ProxySettings.fromEnvironment(
          Map.of("HTTP_PROXY", "proxy.lab:3128", "https_proxy", "http://secure.lab:8443", "NO_PROXY", "localhost, .internal.lab,127.0.0.1"));
    } catch (ConfigException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void choosesTheProxyBySchemeAndAddsTheMissingScheme() {
    assertThat(corporate.proxyFor(URI.create("http://www.keil.com/pack/index.pidx"))).contains(URI.create("http://proxy.lab:3128"));
    assertThat(corporate.proxyFor(URI.create("https://www.keil.com/pack/index.pidx"))).contains(URI.create("http://secure.lab:8443"));
  }

  @Test
  void noProxyBypassesExactHostsAndDomainSuffixes() {
    assertThat(corporate.proxyFor(URI.create("http://127.0.0.1:8080/index.pidx"))).isEmpty();
    assertThat(corporate.proxyFor(URI.create("https://mirror.internal.lab/index.pidx"))).isEmpty();
    assertThat(corporate.proxyFor(URI.create("https://internal.lab/index.pidx"))).isEmpty();
    assertThat(corporate.proxyFor(URI.create("https://notinternal.lab/index.pidx"))).isPresent();
  }

  @Test
  void aProxyVariableThatIsNoUrlIsAConfigErrorNamingIt() {
    // A space cannot be in a URL; an underscore parses but leaves no host to connect to.
    assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of("https_proxy", "proxy lab:3128")))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("https_proxy");
          assertThat(e.value()).isEqualTo("proxy lab:3128");
        });
    assertThatThrownBy(() -> ProxySettings.fromEnvironment(Map.of("HTTP_PROXY", "proxy_lab:3128")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid value 'proxy_lab:3128' for HTTP_PROXY in the environment:"
            + " expected a proxy URL such as http://proxy.example:3128");
  }

  @Test
  void noVariablesMeansNoProxy() throws Exception {
    assertThat(ProxySettings.fromEnvironment(Map.of()).proxyFor(URI.create("https://www.keil.com/"))).isEmpty();
  }
}
