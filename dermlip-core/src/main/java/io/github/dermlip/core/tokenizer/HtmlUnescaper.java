package io.github.dermlip.core.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Python's {@code html.unescape}: decodes HTML5 character references the way a browser does.
 *
 * <p>Covers the full behaviour, not a subset: all 2,231 HTML5 named references (from the resource
 * {@code html5-entities.tsv}, the WHATWG list), including the legacy names a browser also accepts without a
 * semicolon ({@code &amp}, {@code &copy}) and their longest-prefix rule ({@code &notit;} is {@code ¬it;});
 * decimal and hexadecimal references with or without the semicolon; and the HTML5 rules for invalid numbers
 * (0 and surrogates and anything past U+10FFFF give U+FFFD, 0x80 to 0x9F are read as Windows-1252, the
 * non-characters and most control codes vanish). A reference name is at most 32 code points long, as in Python.
 */
final class HtmlUnescaper {
    private static final int MAX_NAME_CODE_POINTS = 32;

    private HtmlUnescaper() {}

    /** The decoded text; {@code text} itself when it holds no {@code &}. */
    static String unescape(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        while (amp >= 0) {
            out.append(text, pos, amp);
            int end = referenceEnd(text, amp);
            if (end < 0) {
                out.append('&');
                pos = amp + 1;
            } else {
                out.append(replacement(text.substring(amp + 1, end)));
                pos = end;
            }
            amp = text.indexOf('&', pos);
        }
        return out.append(text, pos, text.length()).toString();
    }

    /** The HTML5 named references, each name (with or without its trailing semicolon) to its text. */
    static Map<String, String> namedReferences() {
        return Named.TABLE;
    }

    /**
     * End (exclusive) of the reference that starts with the {@code &} at {@code amp}, following Python's pattern
     * {@code &(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)}; -1 when none starts there.
     */
    private static int referenceEnd(String s, int amp) {
        int n = s.length();
        int i = amp + 1;
        if (i < n && s.charAt(i) == '#') {
            int j = i + 1;
            while (j < n && isAsciiDigit(s.charAt(j))) {
                j++;
            }
            if (j == i + 1 && j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X')) {
                j++;
                while (j < n && Character.digit(s.charAt(j), 16) >= 0 && s.charAt(j) < 0x80) {
                    j++;
                }
                if (j == i + 2) {
                    return -1;
                }
            } else if (j == i + 1) {
                return -1;
            }
            return j < n && s.charAt(j) == ';' ? j + 1 : j;
        }
        int j = i;
        int codePoints = 0;
        while (j < n && codePoints < MAX_NAME_CODE_POINTS && isNameChar(s.charAt(j))) {
            j += Character.charCount(s.codePointAt(j));
            codePoints++;
        }
        if (codePoints == 0) {
            return -1;
        }
        return j < n && s.charAt(j) == ';' ? j + 1 : j;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameChar(char c) {
        return c != '\t' && c != '\n' && c != '\f' && c != ' ' && c != '<' && c != '&' && c != '#' && c != ';';
    }

    /** Python's {@code _replace_charref}: the text for one reference body (everything after the {@code &}). */
    private static String replacement(String body) {
        if (body.charAt(0) == '#') {
            boolean hex = body.charAt(1) == 'x' || body.charAt(1) == 'X';
            int end = body.endsWith(";") ? body.length() - 1 : body.length();
            return numericReference(body.substring(hex ? 2 : 1, end), hex ? 16 : 10);
        }
        String whole = Named.TABLE.get(body);
        if (whole != null) {
            return whole;
        }
        int asciiPrefix = 0;
        while (asciiPrefix < body.length() && body.charAt(asciiPrefix) < 0x80) {
            asciiPrefix++;
        }
        int longest = Math.min(body.codePointCount(0, body.length()) - 1, asciiPrefix);
        for (int x = longest; x > 1; x--) {
            String prefixValue = Named.TABLE.get(body.substring(0, x));
            if (prefixValue != null) {
                return prefixValue + body.substring(x);
            }
        }
        return "&" + body;
    }

    private static String numericReference(String digits, int radix) {
        long value = 0;
        for (int i = 0; i < digits.length() && value <= Character.MAX_CODE_POINT; i++) {
            value = value * radix + Character.digit(digits.charAt(i), radix);
        }
        if (value == 0x00) {
            return "\uFFFD";
        }
        if (value == 0x0D) {
            return "\r";
        }
        if (Windows1252.isC1Control((int) value)) {
            return String.valueOf(Windows1252.decodeC1((int) value));
        }
        if ((value >= 0xD800 && value <= 0xDFFF) || value > Character.MAX_CODE_POINT) {
            return "\uFFFD";
        }
        int cp = (int) value;
        return isDroppedCodePoint(cp) ? "" : new String(Character.toChars(cp));
    }

    /** Python's {@code _invalid_codepoints}: control codes and non-characters a reference may not produce. */
    private static boolean isDroppedCodePoint(int cp) {
        return (cp >= 0x01 && cp <= 0x08) || cp == 0x0B || (cp >= 0x0E && cp <= 0x1F) || (cp >= 0x7F && cp <= 0x9F)
                || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /** Loads the named-reference table on first use. */
    private static final class Named {
        static final Map<String, String> TABLE = load();

        private static Map<String, String> load() {
            String resource = "html5-entities.tsv";
            Map<String, String> table = new HashMap<>(4096);
            try (InputStream in = HtmlUnescaper.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing class-path resource " + resource + " beside "
                            + HtmlUnescaper.class.getName());
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    StringBuilder value = new StringBuilder(2);
                    for (String hex : line.substring(tab + 1).split(" ")) {
                        value.appendCodePoint(Integer.parseInt(hex, 16));
                    }
                    table.put(line.substring(0, tab), value.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read class-path resource " + resource, e);
            }
            return Collections.unmodifiableMap(table);
        }
    }
}
