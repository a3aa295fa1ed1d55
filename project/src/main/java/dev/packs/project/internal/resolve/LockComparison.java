package dev.packs.project.internal.resolve;

import dev.packs.project.LockFile;
import dev.packs.project.ResolvedTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Tells, one sentence per fact, how a freshly resolved project differs from its lock file. */
public final class LockComparison {
  private LockComparison() {}

  public static List<String> differences(LockFile locked, LockFile current) {
    List<String> out = new ArrayList<>();
    SortedSet<String> names = new TreeSet<>(locked.targets().keySet());
    names.addAll(current.targets().keySet());
    for (String name : names) {
      LockFile.Target was = locked.targets().get(name);
      LockFile.Target now = current.targets().get(name);
      if (now == null) {
        out.add(name + ": locked, but no longer configured");
      } else if (was == null) {
        out.add(name + ": configured, but not in the lock file");
      } else {
        target(name, was, now, out);
      }
    }
    return out;
  }

  private static void target(String name, LockFile.Target was, LockFile.Target now, List<String> out) {
    if (!was.device().equals(now.device())) {
      out.add(name + ": device " + was.device() + " is locked, but " + now.device() + " resolves now");
    }
    if (!was.pack().equals(now.pack())) {
      String why = packName(was.pack()).equals(packName(now.pack())) ? " (pack updated or pin changed)" : "";
      out.add(name + ": pack " + was.pack() + " is locked, but " + now.pack() + " resolves now" + why);
    }
    Map<Long, LockFile.Algorithm> before = byRegion(was);
    Map<Long, LockFile.Algorithm> after = byRegion(now);
    SortedSet<Long> regions = new TreeSet<>(before.keySet());
    regions.addAll(after.keySet());
    for (long region : regions) {
      String at = name + String.format(": flash region 0x%08X: ", region);
      LockFile.Algorithm a = before.get(region);
      LockFile.Algorithm b = after.get(region);
      if (b == null) {
        out.add(at + "locked " + describe(a) + ", but no algorithm resolves now");
      } else if (a == null) {
        out.add(at + describe(b) + " resolves now, but is not locked");
      } else if (a.origin() != b.origin() || !a.file().equals(b.file())) {
        out.add(at + "locked " + describe(a) + ", but " + describe(b) + " resolves now");
      } else if (!a.sha256().equals(b.sha256())) {
        String what = a.origin() == ResolvedTarget.Origin.LOCAL ? "override file edited" : "file in the pack changed";
        out.add(at + describe(a) + " has sha256 " + b.sha256() + ", locked " + a.sha256() + " (" + what + ")");
      }
    }
  }

  private static String describe(LockFile.Algorithm a) {
    return (a.origin() == ResolvedTarget.Origin.LOCAL ? "local override " : "pack algorithm ") + a.file();
  }

  private static String packName(String pack) {
    int at = pack.indexOf('@');
    return at < 0 ? pack : pack.substring(0, at);
  }

  private static Map<Long, LockFile.Algorithm> byRegion(LockFile.Target t) {
    return t.algorithms().stream()
        .collect(Collectors.toMap(LockFile.Algorithm::region, Function.identity(), (x, y) -> x, TreeMap::new));
  }
}
