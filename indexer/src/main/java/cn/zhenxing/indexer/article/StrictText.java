package cn.zhenxing.indexer.article;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Decoding that refuses bytes which are not text in the charset (GBK read as UTF-8, a character cut short),
 * where Java's usual decoding turns them into U+FFFD: text in the wrong encoding is reported, never indexed.
 */
public final class StrictText {

  private StrictText() {}

  /** A decoder for {@code charset} that reports malformed and unmappable input; reset it between inputs. */
  public static CharsetDecoder decoder(Charset charset) {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** {@code bytes} as text in {@code charset}. */
  public static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
    return decoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
  }
}
