package dev.packs.index.internal.pdsc;

import java.util.ArrayList;
import java.util.List;

/**
 * The descriptor subtrees packs reads (devices, boards, releases and requirements) as
 * {@link StaxBinder} fills them. Attributes stay strings here; {@link NodeMapper} checks and converts
 * them so that an error can name the attribute. Fields are named after the PACK.xsd attributes.
 */
final class Xml {
  private Xml() {}

  /** Properties that may appear at every level of the device hierarchy. */
  abstract static class Level {
    String dvendor;
    List<Processor> processors = new ArrayList<>();
    List<Memory> memories = new ArrayList<>();
    List<Algorithm> algorithms = new ArrayList<>();
    List<Debug> debugs = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    List<Feature> features = new ArrayList<>();
  }

  static final class Devices {
    List<Family> families = new ArrayList<>();
  }

  static final class Family extends Level {
    String dfamily;
    List<SubFamily> subFamilies = new ArrayList<>();
    List<Device> devices = new ArrayList<>();
  }

  static final class SubFamily extends Level {
    String dsubFamily;
    List<Device> devices = new ArrayList<>();
  }

  static final class Device extends Level {
    String dname;
    List<Variant> variants = new ArrayList<>();
  }

  static final class Variant extends Level {
    String dvariant;
  }

  static final class Processor {
    String pname;
    String punits;
    String dcore;
    String dfpu;
    String dmpu;
    String dendian;
    String dclock;
  }

  static final class Memory {
    String name;
    String id;
    String start;
    String size;
    String access;
    String isDefault;
    String startup;
    String uninit;
    String init;
    String alias;
    String pname;
  }

  static final class Algorithm {
    String name;
    String start;
    String size;
    String ramStart;
    String ramSize;
    String isDefault;
    String style;
    String pname;
  }

  static final class Debug {
    String pname;
    String punit;
    String svd;
    String dp;
    String ap;
    String apid;
    String address;
    String defaultResetSequence;
  }

  static final class Feature {
    String type;
    String n;
    String m;
    String name;
  }

  static final class Releases {
    List<Release> releases = new ArrayList<>();
  }

  static final class Release {
    String version;
    String date;
    String url;
    String deprecated;
    String replacement;
    String text;
  }

  static final class Requirements {
    List<PackageRequirement> packages = new ArrayList<>();
  }

  static final class PackageRequirement {
    String vendor;
    String name;
    String version;
  }

  static final class Boards {
    List<Board> boards = new ArrayList<>();
  }

  static final class Board {
    String vendor;
    String name;
    String revision;
    List<BoardDevice> mounted = new ArrayList<>();
    List<BoardDevice> compatible = new ArrayList<>();
  }

  static final class BoardDevice {
    String dvendor;
    String dname;
    String deviceIndex;
  }
}
