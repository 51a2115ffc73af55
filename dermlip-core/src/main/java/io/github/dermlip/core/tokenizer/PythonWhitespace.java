package io.github.dermlip.core.tokenizer;

/**
 * Python's notion of whitespace ({@code str.isspace()}), used by {@code str.strip()} and {@code str.split()}
 * in open_clip's text cleaning. It differs from {@link Character#isWhitespace(int)}: it includes the
 * no-break spaces U+00A0, U+2007 and U+202F and NEXT LINE U+0085, and the separators U+001C to U+001F.
 */
final class PythonWhitespace {
    private PythonWhitespace() {}

    /** True for the 29 code points Python 3 treats as whitespace. */
    static boolean isWhitespace(int cp) {
        if (cp < 0x80) {
            return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
        }
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028
                || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /**
     * {@code " ".join(text.split())}: the words of {@code text} separated by single spaces, with no leading or
     * trailing whitespace. Returns {@code text} itself when it is already in that form.
     */
    static String collapse(String text) {
        int n = text.length();
        boolean clean = true;
        for (int i = 0; i < n && clean; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                clean = i > 0 && i < n - 1 && text.charAt(i + 1) != ' ';
            } else {
                clean = !isWhitespace(c);
            }
        }
        if (clean) {
            return text;
        }
        StringBuilder out = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text.strip()}: {@code text} without leading and trailing Python whitespace. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
