package io.github.dermlip.core.tokenizer;

/**
 * GPT-2's {@code bytes_to_unicode}: a printable character for each of the 256 byte values, so that byte-level BPE
 * tokens are plain strings. Printable Latin-1 bytes stand for themselves; the other 68 bytes, in increasing order,
 * take U+0100 onwards.
 *
 * <p>The order matters: the first 256 vocabulary entries are these characters in Python's dictionary order
 * (the printable bytes {@code !}..{@code ~}, {@code ¡}..{@code ¬}, {@code ®}..{@code ÿ}, then the others), and the next
 * 256 are the same with {@code </w>} appended.
 */
final class ByteLevelAlphabet {
    /** Suffix marking the last symbol of a word. */
    static final String END_OF_WORD = "</w>";

    private static final char[] CHAR_OF_BYTE = new char[256];
    private static final int[] BYTE_AT = new int[256];

    static {
        int next = 0;
        for (int b = 0; b < 256; b++) {
            if (isPrintable(b)) {
                BYTE_AT[next++] = b;
                CHAR_OF_BYTE[b] = (char) b;
            }
        }
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            if (!isPrintable(b)) {
                BYTE_AT[next++] = b;
                CHAR_OF_BYTE[b] = (char) (256 + extra++);
            }
        }
    }

    private ByteLevelAlphabet() {}

    private static boolean isPrintable(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    /** The character standing for byte {@code b} (0 to 255). */
    static char charOf(int b) {
        return CHAR_OF_BYTE[b];
    }

    /** The byte whose character is vocabulary entry {@code index} (0 to 255). */
    static int byteAt(int index) {
        return BYTE_AT[index];
    }
}
