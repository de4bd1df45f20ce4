package cn.zhenxing.indexer.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * Lucene's default codec with smaller stored-field blocks. Every search reads the stored fields of a page of
 * hits, and Lucene decompresses a block's shared dictionary and the sub-block holding a paragraph to read it:
 * with the default 80 KB blocks that was about 8 KB of LZ4 per hit, a tenth of a search's CPU on the 1M bench
 * index. 16 KB blocks decompress a fifth of that for a slightly larger index. Registered under {@link #NAME}
 * (META-INF/services), so Lucene can open the segments it writes; segments written by the default codec still
 * open as before.
 */
public final class ParagraphCodec extends FilterCodec {

  public static final String NAME = "ZhenxingParagraphs912";

  /** Ten sub-blocks per block, as in Lucene's BEST_SPEED, with a fifth of its block length. */
  private static final int BLOCK_LENGTH = 10 * 1600;

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat("ZhenxingStoredFields", Lucene90StoredFieldsFormat.BEST_SPEED_MODE,
          BLOCK_LENGTH, 1024, 10);

  public ParagraphCodec() {
    super(NAME, new Lucene912Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
