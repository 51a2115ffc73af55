package io.github.dermlip.core.tokenizer;

/**
 * The characters Windows-1252 puts at bytes 0x80 to 0x9F, where Latin-1 has C1 control codes. Both HTML's
 * numeric references ({@code &#150;} is an en dash) and ftfy's {@code fix_c1_controls} read those code points
 * this way; the five bytes Windows-1252 leaves undefined keep their control code.
 */
final class Windows1252 {
    private static final String C1_TABLE =
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
            + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private Windows1252() {}

    /** True for U+0080 to U+009F. */
    static boolean isC1Control(int cp) {
        return cp >= 0x80 && cp <= 0x9F;
    }

    /** The Windows-1252 character for a C1 code point (U+0080 to U+009F). */
    static char decodeC1(int cp) {
        return C1_TABLE.charAt(cp - 0x80);
    }
}
