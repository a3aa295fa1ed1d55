package dev.packs.cache;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Proxies for plain and TLS requests and the hosts that bypass them, as the {@code HTTP_PROXY},
 * {@code HTTPS_PROXY} and {@code NO_PROXY} variables (or their lower-case forms) give them.
 */
public record ProxySettings(Optional<URI> http, Optional<URI> https, List<String> noProxy) {
  public ProxySettings {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(https, "https");
    noProxy = List.copyOf(noProxy);
  }

  public static ProxySettings none() {
    return new ProxySettings(Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * Reads the proxy variables; the lower-case form wins when both are set, as curl does.
   *
   * @throws ConfigException if a proxy variable does not hold a URL, naming the variable
   */
  public static ProxySettings fromEnvironment(Map<String, String> env) throws ConfigException {
    List<String> bypass = new ArrayList<>();
    for (String part : variable(env, "no_proxy").orElse("").split(",")) {
      String host = part.trim().toLowerCase(Locale.ROOT);
      if (!host.isEmpty()) {
        bypass.add(host);
      }
    }
    return new ProxySettings(proxy(env, "http_proxy"), proxy(env, "https_proxy"), bypass);
  }

  /** The proxy for a request to {@code target}, if any. */
  public Optional<URI> proxyFor(URI target) {
    String host = Optional.ofNullable(target.getHost()).orElse("").toLowerCase(Locale.ROOT);
    if (bypasses(host)) {
      return Optional.empty();
    }
    return "https".equalsIgnoreCase(target.getScheme()) ? https : http;
  }

  private boolean bypasses(String host) {
    for (String rule : noProxy) {
      if (rule.equals("*")) {
        return true;
      }
      String suffix = rule.startsWith(".") ? rule.substring(1) : rule;
      if (host.equals(suffix) || host.endsWith("." + suffix)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> variable(Map<String, String> env, String lower) {
    return Optional.ofNullable(env.get(name(env, lower))).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** The variable's name as set: the lower-case form unless only the upper-case one has a value. */
  private static String name(Map<String, String> env, String lower) {
    String value = env.get(lower);
    return value == null || value.isBlank() ? lower.toUpperCase(Locale.ROOT) : lower;
  }

  private static Optional<URI> proxy(Map<String, String> env, String lower) throws ConfigException {
    Optional<String> value = variable(env, lower);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.get().contains("://") ? value.get() : "http://" + value.get());
      if (uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw ConfigException.inEnvironment(name(env, lower), value.get(), "a proxy URL such as http://proxy.example:3128");
  }
}
