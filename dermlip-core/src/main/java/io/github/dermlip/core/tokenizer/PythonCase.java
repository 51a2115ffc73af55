package io.github.dermlip.core.tokenizer;

import java.util.Locale;

/**
 * Python's {@code str.lower()}. Java's {@code toLowerCase(Locale.ROOT)} applies the same full case mapping ({@code İ}
 * becomes {@code i̇}) but decides the final form of capital sigma by word boundaries, where Python follows the Unicode
 * Final_Sigma condition: {@code Σ} becomes {@code ς} when a cased letter precedes it and none follows it, skipping
 * case-ignorable characters on both sides ({@code "ΣΑΣ3"} ends in {@code ς} in Python, in {@code σ} in Java). Texts
 * with a capital sigma are therefore lower-cased here code point by code point with Python's rule.
 */
final class PythonCase {
    private static final char CAPITAL_SIGMA = '\u03A3';

    private PythonCase() {}

    /** {@code text.lower()} as Python computes it. */
    static String lower(String text) {
        if (text.indexOf(CAPITAL_SIGMA) < 0) {
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == CAPITAL_SIGMA) {
                out.append(isFinalSigma(text, i) ? '\u03C2' : '\u03C3');
            } else {
                out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean isFinalSigma(String text, int at) {
        int j = at;
        int before = -1;
        while (j > 0) {
            int cp = text.codePointBefore(j);
            j -= Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                before = cp;
                break;
            }
        }
        if (before < 0 || !isCased(before)) {
            return false;
        }
        for (j = at + 1; j < text.length(); ) {
            int cp = text.codePointAt(j);
            if (!isCaseIgnorable(cp)) {
                return !isCased(cp);
            }
            j += Character.charCount(cp);
        }
        return true;
    }

    /** Unicode's Cased property: upper, lower and title case letters and the other (upper/lower)case symbols. */
    private static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /**
     * Unicode's Case_Ignorable property: marks, format characters, modifier letters and symbols, and the word-break
     * MidLetter, MidNumLet and Single_Quote characters.
     */
    private static boolean isCaseIgnorable(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL:
                return true;
            default:
                break;
        }
        switch (cp) {
            case 0x0027, 0x002E, 0x003A, 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13,
                    0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A:
                return true;
            default:
                return false;
        }
    }
}
