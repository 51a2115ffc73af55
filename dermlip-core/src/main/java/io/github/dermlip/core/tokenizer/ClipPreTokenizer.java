package io.github.dermlip.core.tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits cleaned text into the words that CLIP's BPE encodes one by one, as open_clip's case-insensitive pattern
 * {@code <start_of_text>|<end_of_text>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+} does with
 * {@code findall}: at each position the first alternative that matches wins, and whatever no alternative matches is
 * skipped: whitespace, and U+0345 COMBINING GREEK YPOGEGRAMMENI, which is no letter, but which Python's {@code regex}
 * module also keeps out of {@code [^\s\p{L}\p{N}]} under IGNORECASE because it case-folds to the letter {@code ι}.
 *
 * <p>A hand-written scanner rather than a regex, for speed. Case-insensitivity only matters for the ASCII letters in
 * the special tokens and contractions: the upper-case letter and, for {@code s}, the long s {@code ſ} (which Python's
 * {@code regex} module folds to {@code s}) also match. Letters ({@code \p{L}}) and numbers ({@code \p{N}}) are
 * Java's general categories.
 */
final class ClipPreTokenizer {
    static final String START_OF_TEXT = "<start_of_text>";
    static final String END_OF_TEXT = "<end_of_text>";
    private static final int YPOGEGRAMMENI = 0x0345;
    private static final String[] CONTRACTIONS = {"s", "t", "re", "ve", "m", "ll", "d"};

    private ClipPreTokenizer() {}

    /** All words of {@code text}, in order. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        for (int start = nextStart(text, 0); start >= 0; ) {
            int end = wordEnd(text, start, ClipSpecialTokens.OPEN_CLIP);
            words.add(text.substring(start, end));
            start = nextStart(text, end);
        }
        return words;
    }

    /** Index of the first character at or after {@code from} that starts a word, or -1. */
    static int nextStart(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!isSkipped(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Characters no alternative of the pattern matches. */
    private static boolean isSkipped(int cp) {
        return PythonWhitespace.isWhitespace(cp) || cp == YPOGEGRAMMENI;
    }

    /**
     * End (exclusive) of the word that starts at {@code start}, a position {@link #nextStart} returned; the special
     * tokens are spelt as in {@code specials}.
     */
    static int wordEnd(String text, int start, ClipSpecialTokens specials) {
        int special = specialTokenEnd(text, start, specials);
        if (special > 0) {
            return special;
        }
        int cp = text.codePointAt(start);
        if (cp == '\'') {
            for (String contraction : CONTRACTIONS) {
                if (matchesIgnoreCase(text, start + 1, contraction)) {
                    return start + 1 + contraction.length();
                }
            }
        }
        int end = start + Character.charCount(cp);
        if (Character.isLetter(cp)) {
            while (end < text.length() && Character.isLetter(cp = text.codePointAt(end))) {
                end += Character.charCount(cp);
            }
            return end;
        }
        if (isNumber(cp)) {
            return end;
        }
        while (end < text.length()) {
            cp = text.codePointAt(end);
            if (isSkipped(cp) || Character.isLetter(cp) || isNumber(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        return end;
    }

    private static int specialTokenEnd(String text, int start, ClipSpecialTokens specials) {
        if (text.charAt(start) != '<') {
            return -1;
        }
        for (String token : new String[] {specials.startOfText(), specials.endOfText()}) {
            if (matchesIgnoreCase(text, start, token)) {
                return start + token.length();
            }
        }
        return -1;
    }

    /** Whether {@code text} holds {@code literal} (lower-case ASCII) at {@code at}, ignoring case. */
    private static boolean matchesIgnoreCase(String text, int at, String literal) {
        if (at + literal.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < literal.length(); k++) {
            char c = text.charAt(at + k);
            char l = literal.charAt(k);
            if (c != l && c != Character.toUpperCase(l) && !(l == 's' && c == '\u017F')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
