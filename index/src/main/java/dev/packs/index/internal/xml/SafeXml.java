package dev.packs.index.internal.xml;

import dev.packs.index.IndexException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Hardened StAX for untrusted descriptors: no DTDs, no external entities, HTML recognised before it
 * confuses the parser, bytes decoded by {@link DecodingReader} (so the parser never prints to standard
 * error), and every parser error turned into {@link IndexException.MalformedXml} with the file, line
 * and column.
 */
public final class SafeXml {
  private static final XMLInputFactory FACTORY = createFactory();

  private SafeXml() {}

  private static XMLInputFactory createFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    return f;
  }

  /**
   * Opens a reader positioned on the root element, after checking that the input is not HTML and
   * has no DTD.
   *
   * @param expected what the caller wants, for the error message ("a pack descriptor (.pdsc)")
   */
  public static XMLStreamReader openAtRoot(InputStream in, String source, String expected)
      throws IndexException {
    BufferedInputStream buffered = new BufferedInputStream(in, 8192);
    rejectHtml(buffered, source, expected);
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(DecodingReader.open(buffered));
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          Location at = r.getLocation();
          throw new IndexException.MalformedXml(
              source, at.getLineNumber(), at.getColumnNumber(), "DOCTYPE/DTD is not allowed", null);
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          return r;
        }
      }
      throw new IndexException.NotADescriptor(source, expected, "a document without elements");
    } catch (XMLStreamException e) {
      throw malformed(source, e);
    } catch (DecodingReader.InvalidText e) {
      throw new IndexException.MalformedXml(source, e.line(), e.column(), e.getMessage(), e);
    } catch (IOException e) {
      throw new IndexException.MalformedXml(source, 0, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static void rejectHtml(BufferedInputStream in, String source, String expected)
      throws IndexException {
    try {
      in.mark(1024);
      byte[] head = in.readNBytes(1024);
      in.reset();
      String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      int tag = text.indexOf('<');
      while (tag >= 0 && (text.startsWith("<?", tag) || text.startsWith("<!--", tag))) {
        tag = text.indexOf('<', tag + 1);
      }
      if (tag >= 0 && (text.startsWith("<!doctype html", tag) || text.startsWith("<html", tag))) {
        throw new IndexException.NotADescriptor(source, expected, "an HTML page");
      }
    } catch (IOException e) {
      throw new IndexException.MalformedXml(source, 0, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Converts a parser error, keeping its position; a byte the document's encoding does not allow is
   * reported where packs decoded it.
   */
  public static IndexException.MalformedXml malformed(String source, XMLStreamException e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      Throwable nested = c instanceof XMLStreamException x && x.getNestedException() != null ? x.getNestedException() : c;
      if (nested instanceof DecodingReader.InvalidText bad) {
        return new IndexException.MalformedXml(source, bad.line(), bad.column(), bad.getMessage(), e);
      }
    }
    Location at = e.getLocation();
    int line = at == null ? 0 : at.getLineNumber();
    int column = at == null ? 0 : at.getColumnNumber();
    String detail = e.getMessage();
    int msg = detail == null ? -1 : detail.indexOf("Message: ");
    if (msg >= 0) {
      detail = detail.substring(msg + "Message: ".length());
    }
    return new IndexException.MalformedXml(source, line, column, detail, e);
  }

  /** Skips the current element and everything inside it; leaves the reader on its end tag. */
  public static void skipElement(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** Reads the text of a simple element, trimmed; leaves the reader on its end tag. */
  public static String text(XMLStreamReader r) throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (depth == 1
          && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
        sb.append(r.getText());
      }
    }
    return sb.toString().trim();
  }

  /** The attribute value, trimmed, or null when absent or blank (internal use only). */
  public static String attr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    if (v == null) {
      return null;
    }
    v = v.trim();
    return v.isEmpty() ? null : v;
  }
}
