package dev.packs.cache.internal.index;

import javax.xml.stream.XMLInputFactory;

/** A hardened StAX factory: no DTDs, no external entities. */
final class Xml {
  private Xml() {}

  static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }
}
