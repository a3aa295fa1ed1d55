package dev.packs.index.internal.pdsc;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB bindings for the descriptor subtrees packs reads: devices, boards, releases and
 * requirements. Attributes stay strings here; {@link NodeMapper} checks and converts them so that an
 * error can name the attribute. Unknown elements and attributes are ignored by JAXB.
 */
public final class Xml {
  private Xml() {}

  /** Properties that may appear at every level of the device hierarchy. */
  @XmlTransient
  @XmlAccessorType(XmlAccessType.FIELD)
  public abstract static class Level {
    @XmlAttribute(name = "Dvendor")
    String dvendor;

    @XmlElement(name = "processor")
    List<Processor> processors = new ArrayList<>();

    @XmlElement(name = "memory")
    List<Memory> memories = new ArrayList<>();

    @XmlElement(name = "algorithm")
    List<Algorithm> algorithms = new ArrayList<>();

    @XmlElement(name = "debug")
    List<Debug> debugs = new ArrayList<>();

    @XmlElement(name = "description")
    List<String> descriptions = new ArrayList<>();

    @XmlElement(name = "feature")
    List<Feature> features = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Devices {
    @XmlElement(name = "family")
    List<Family> families = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Family extends Level {
    @XmlAttribute(name = "Dfamily")
    String dfamily;

    @XmlElement(name = "subFamily")
    List<SubFamily> subFamilies = new ArrayList<>();

    @XmlElement(name = "device")
    List<Device> devices = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class SubFamily extends Level {
    @XmlAttribute(name = "DsubFamily")
    String dsubFamily;

    @XmlElement(name = "device")
    List<Device> devices = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Device extends Level {
    @XmlAttribute(name = "Dname")
    String dname;

    @XmlElement(name = "variant")
    List<Variant> variants = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Variant extends Level {
    @XmlAttribute(name = "Dvariant")
    String dvariant;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Processor {
    @XmlAttribute(name = "Pname")
    String pname;

    @XmlAttribute(name = "Punits")
    String punits;

    @XmlAttribute(name = "Dcore")
    String dcore;

    @XmlAttribute(name = "Dfpu")
    String dfpu;

    @XmlAttribute(name = "Dmpu")
    String dmpu;

    @XmlAttribute(name = "Dendian")
    String dendian;

    @XmlAttribute(name = "Dclock")
    String dclock;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Memory {
    @XmlAttribute String name;
    @XmlAttribute String id;
    @XmlAttribute String start;
    @XmlAttribute String size;
    @XmlAttribute String access;

    @XmlAttribute(name = "default")
    String isDefault;

    @XmlAttribute String startup;
    @XmlAttribute String uninit;
    @XmlAttribute String init;
    @XmlAttribute String alias;

    @XmlAttribute(name = "Pname")
    String pname;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Algorithm {
    @XmlAttribute String name;
    @XmlAttribute String start;
    @XmlAttribute String size;

    @XmlAttribute(name = "RAMstart")
    String ramStart;

    @XmlAttribute(name = "RAMsize")
    String ramSize;

    @XmlAttribute(name = "default")
    String isDefault;

    @XmlAttribute String style;

    @XmlAttribute(name = "Pname")
    String pname;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Debug {
    @XmlAttribute(name = "Pname")
    String pname;

    @XmlAttribute(name = "Punit")
    String punit;

    @XmlAttribute String svd;

    @XmlAttribute(name = "__dp")
    String dp;

    @XmlAttribute(name = "__ap")
    String ap;

    @XmlAttribute(name = "__apid")
    String apid;

    @XmlAttribute String address;
    @XmlAttribute String defaultResetSequence;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Feature {
    @XmlAttribute String type;
    @XmlAttribute String n;
    @XmlAttribute String m;
    @XmlAttribute String name;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Releases {
    @XmlElement(name = "release")
    List<Release> releases = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Release {
    @XmlAttribute String version;
    @XmlAttribute String date;
    @XmlAttribute String url;
    @XmlAttribute String deprecated;
    @XmlAttribute String replacement;
    @XmlValue String text;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Requirements {
    @XmlElementWrapper(name = "packages")
    @XmlElement(name = "package")
    List<PackageRequirement> packages = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class PackageRequirement {
    @XmlAttribute String vendor;
    @XmlAttribute String name;
    @XmlAttribute String version;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Boards {
    @XmlElement(name = "board")
    List<Board> boards = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Board {
    @XmlAttribute String vendor;
    @XmlAttribute String name;
    @XmlAttribute String revision;

    @XmlElement(name = "mountedDevice")
    List<BoardDevice> mounted = new ArrayList<>();

    @XmlElement(name = "compatibleDevice")
    List<BoardDevice> compatible = new ArrayList<>();
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class BoardDevice {
    @XmlAttribute(name = "Dvendor")
    String dvendor;

    @XmlAttribute(name = "Dname")
    String dname;

    @XmlAttribute String deviceIndex;
  }
}
