package io.github.dermlip.core.tokenizer;

import java.util.Arrays;

/**
 * A batch of tokenized texts, every row {@link #contextLength()} ids long.
 *
 * <p>The arrays belong to the batch: callers read them and must not modify them (they are not copied, so
 * that building the model input stays cheap).
 *
 * @param ids token ids, one row per text, padded with the tokenizer's pad id
 * @param attentionMask 1 for a real token (start and end tokens included), 0 for padding; same shape as {@code ids}
 * @param eotIndex for each row, the position the text tower pools at: for CLIP BPE the first position of the
 *     largest id (open_clip's {@code text.argmax(dim=-1)}, which is the end-of-text token), for a Hugging Face
 *     tokenizer the last real token
 */
public record TokenizedBatch(long[][] ids, long[][] attentionMask, int[] eotIndex) {

    /** Checks that the three parts describe the same rows and that every row has the same length. */
    public TokenizedBatch {
        if (ids.length != attentionMask.length || ids.length != eotIndex.length) {
            throw new IllegalArgumentException("TokenizedBatch: " + ids.length + " id rows, " + attentionMask.length
                    + " mask rows and " + eotIndex.length + " EOT indices");
        }
        int width = ids.length == 0 ? 0 : ids[0].length;
        for (int r = 0; r < ids.length; r++) {
            if (ids[r].length != width || attentionMask[r].length != width) {
                throw new IllegalArgumentException("TokenizedBatch: row " + r + " is not " + width + " wide");
            }
            if (eotIndex[r] < 0 || eotIndex[r] >= width) {
                throw new IllegalArgumentException("TokenizedBatch: row " + r + " EOT index " + eotIndex[r]
                        + " outside [0, " + width + ")");
            }
        }
    }

    /** Number of texts. */
    public int batchSize() {
        return ids.length;
    }

    /** Length of every row. */
    public int contextLength() {
        return ids.length == 0 ? 0 : ids[0].length;
    }

    /**
     * Number of leading positions a causal text tower has to run for this batch: the largest EOT index plus one
     * (0 for an empty batch). Positions after it cannot change any pooled output.
     */
    public int maxLength() {
        int max = -1;
        for (int e : eotIndex) {
            max = Math.max(max, e);
        }
        return max + 1;
    }

    /** The ids in row-major order, {@code batchSize() * contextLength()} long (a fresh array). */
    public long[] flatIds() {
        return flatten(ids);
    }

    /** The attention mask in row-major order (a fresh array). */
    public long[] flatAttentionMask() {
        return flatten(attentionMask);
    }

    private static long[] flatten(long[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        long[] flat = new long[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * width, width);
        }
        return flat;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenizedBatch other && Arrays.deepEquals(ids, other.ids)
                && Arrays.deepEquals(attentionMask, other.attentionMask) && Arrays.equals(eotIndex, other.eotIndex);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(ids) + Arrays.deepHashCode(attentionMask)) + Arrays.hashCode(eotIndex);
    }

    @Override
    public String toString() {
        return "TokenizedBatch[" + batchSize() + " x " + contextLength() + ", maxLength=" + maxLength() + "]";
    }
}
