package dev.packs.index.internal.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters of an XML document, decoded by packs rather than by the XML parser: the JDK's
 * parser prints {@code [Fatal Error] ...} to standard error before it throws on a byte that is not
 * valid in the document's encoding. The encoding is found as XML 1.0 appendix F says (a byte-order
 * mark, else the {@code encoding} of the XML declaration, else UTF-8); a byte that does not decode
 * is reported with its line and column.
 */
final class DecodingReader extends Reader {
  private static final Pattern DECLARED =
      Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");

  /** A byte sequence that is not valid in the document's encoding, with the position of its first character. */
  static final class InvalidText extends CharacterCodingException {
    private final int line;
    private final int column;
    private final String detail;

    InvalidText(int line, int column, String detail) {
      this.line = line;
      this.column = column;
      this.detail = detail;
    }

    int line() {
      return line;
    }

    int column() {
      return column;
    }

    @Override
    public String getMessage() {
      return detail;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14).flip();
  private boolean endOfInput;
  private boolean flushed;
  private int line = 1;
  private int column;

  private DecodingReader(InputStream in, Charset charset) {
    this.in = in;
    this.decoder =
        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * A reader over {@code in}, which must support mark and reset; a byte-order mark is skipped.
   *
   * @throws InvalidText when the declared encoding is not one this Java runtime knows
   */
  static DecodingReader open(InputStream in) throws IOException {
    in.mark(1024);
    byte[] head = in.readNBytes(1024);
    in.reset();
    int b0 = head.length > 0 ? head[0] & 0xFF : -1;
    int b1 = head.length > 1 ? head[1] & 0xFF : -1;
    int b2 = head.length > 2 ? head[2] & 0xFF : -1;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      in.skipNBytes(3);
      return new DecodingReader(in, StandardCharsets.UTF_8);
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      in.skipNBytes(2);
      return new DecodingReader(in, StandardCharsets.UTF_16BE);
    }
    if (b0 == 0xFF && b1 == 0xFE) {
      in.skipNBytes(2);
      return new DecodingReader(in, StandardCharsets.UTF_16LE);
    }
    if (b0 == 0 && b1 == '<') {
      return new DecodingReader(in, StandardCharsets.UTF_16BE);
    }
    if (b0 == '<' && b1 == 0) {
      return new DecodingReader(in, StandardCharsets.UTF_16LE);
    }
    return new DecodingReader(in, declared(new String(head, StandardCharsets.ISO_8859_1)));
  }

  private static Charset declared(String head) throws InvalidText {
    Matcher m = DECLARED.matcher(head);
    if (!m.find()) {
      return StandardCharsets.UTF_8;
    }
    String name = m.group(1);
    try {
      Charset charset = Charset.forName(name);
      // UTF-16 declared without a byte-order mark in an ASCII-compatible file: the bytes say UTF-8.
      return charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InvalidText(1, m.start(1) + 1, "unsupported encoding '" + name + "' in the XML declaration");
    }
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (out.position() == offset) {
      if (flushed) {
        return -1;
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        advance(buffer, offset, out.position());
        throw invalid(result);
      }
      if (out.position() > offset || result.isOverflow()) {
        break;
      }
      if (endOfInput) {
        decoder.flush(out);
        flushed = true;
      } else {
        fill();
      }
    }
    int produced = out.position() - offset;
    advance(buffer, offset, out.position());
    return produced == 0 && flushed ? -1 : produced;
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  private void advance(char[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        line++;
        column = 0;
      } else {
        column++;
      }
    }
  }

  private InvalidText invalid(CoderResult result) {
    StringBuilder found = new StringBuilder();
    for (int i = 0; i < result.length() && bytes.position() + i < bytes.limit(); i++) {
      found.append(found.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
    }
    String what = result.isMalformed() ? "invalid " : "unmappable ";
    return new InvalidText(line, column + 1, what + decoder.charset().name() + ": byte"
        + (result.length() > 1 ? "s " : " ") + found);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
