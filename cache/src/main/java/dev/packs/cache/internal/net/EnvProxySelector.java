package dev.packs.cache.internal.net;

import dev.packs.cache.ProxySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/** Chooses the proxy for a request from {@link ProxySettings}; OkHttp asks it for each connection. */
final class EnvProxySelector extends ProxySelector {
  private final ProxySettings settings;

  EnvProxySelector(ProxySettings settings) {
    this.settings = settings;
  }

  @Override
  public List<Proxy> select(URI uri) {
    return settings
        .proxyFor(uri)
        .map(p -> List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port(p)))))
        .orElse(List.of(Proxy.NO_PROXY));
  }

  private static int port(URI proxy) {
    if (proxy.getPort() > 0) {
      return proxy.getPort();
    }
    return "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // The failure surfaces as the call's exception; there is no alternative proxy to remember.
  }
}
