package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
  private final ProxySettings corporate =
      ProxySettings.fromEnvironment(
          Map.of("HTTP_PROXY", "proxy.lab:3128", "https_proxy", "http://secure.lab:8443", "NO_PROXY", "localhost, .internal.lab,127.0.0.1"));

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
  void noVariablesMeansNoProxy() {
    assertThat(ProxySettings.fromEnvironment(Map.of()).proxyFor(URI.create("https://www.keil.com/"))).isEmpty();
  }
}
