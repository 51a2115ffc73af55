package io.github.dermlip.core.tokenizer;

import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic part of ftfy 6.3 {@code fix_text} with its default settings, which open_clip runs on every
 * caption before tokenizing.
 *
 * <p>Reproduced exactly, in ftfy's order and repeated until the text stops changing, on each line:
 * <ul>
 *   <li>{@code unescape_html}: HTML references that end in a semicolon ({@code &eacute;}, {@code &#x2019;}, and the
 *       all-caps forms ftfy adds such as {@code &EACUTE;}); skipped, as in ftfy, for a line containing {@code <} and
 *       for every line after it;</li>
 *   <li>{@code fix_c1_controls}: C1 control codes U+0080 to U+009F read as Windows-1252;</li>
 *   <li>{@code fix_latin_ligatures}: {@code ﬁ} to {@code fi} and ftfy's other Latin ligatures and digraphs;</li>
 *   <li>{@code fix_character_width}: full-width and half-width forms (U+FF01 to U+FFEF) to their NFKC form, and the
 *       ideographic space U+3000 to a space;</li>
 *   <li>{@code uncurl_quotes}: U+2018 to U+201B and U+02BC to {@code '}, U+201C to U+201F to {@code "};</li>
 *   <li>{@code fix_line_breaks}, {@code fix_surrogates} (a lone surrogate becomes U+FFFD),
 *       {@code remove_terminal_escapes} (ANSI {@code ESC [ ... letter}) and {@code remove_control_chars};</li>
 *   <li>NFC normalization.</li>
 * </ul>
 *
 * <p>Not reproduced: ftfy's {@code fix_encoding} family ({@code restore_byte_a0}, {@code replace_lossy_sequences},
 * {@code decode_inconsistent_utf8}), the heuristic repair of mojibake such as {@code "cafÃ©"} for
 * {@code "café"}. Such text is tokenized as it is, so its ids differ from open_clip's; clean text, including
 * correctly decoded accents, CJK and emoji, is unaffected. ftfy's cut of lines longer than a million code points
 * into separate segments is not reproduced either. Character properties and normalization follow the Unicode
 * version of the running JVM (13.0 on Java 17).
 */
final class TextFixer {
    private static final Pattern HTML_REFERENCE = Pattern.compile("&#?[0-9A-Za-z]{1,24};");
    private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\u001b\\[[\\p{Nd};]*[a-zA-Z]");

    private TextFixer() {}

    /** The text as ftfy's {@code fix_text} would return it, apart from the repairs listed in the class comment. */
    static String fixText(String text) {
        if (isPlainAscii(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean unescapeHtml = true;
        int pos = 0;
        while (pos < text.length()) {
            int newline = text.indexOf('\n', pos);
            int end = newline < 0 ? text.length() : newline + 1;
            String segment = text.substring(pos, end);
            if (unescapeHtml && segment.indexOf('<') >= 0) {
                unescapeHtml = false;
            }
            out.append(fixSegment(segment, unescapeHtml));
            pos = end;
        }
        return out.toString();
    }

    /** True when no fix can change the text: printable ASCII without {@code &}, plus tab and newline. */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c >= 0x7F || c == '&') && c != '\t' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String fixSegment(String segment, boolean unescapeHtml) {
        String text = segment;
        while (true) {
            String before = text;
            if (unescapeHtml) {
                text = unescapeHtml(text);
            }
            text = mapChars(text);
            text = fixLineBreaks(text);
            text = removeTerminalEscapes(text);
            text = removeControlChars(text);
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                text = Normalizer.normalize(text, Normalizer.Form.NFC);
            }
            if (text.equals(before)) {
                return text;
            }
        }
    }

    /** ftfy's {@code unescape_html}: only references ending in a semicolon, with its extra all-caps names. */
    private static String unescapeHtml(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = HTML_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        while (m.find()) {
            String reference = m.group();
            String replacement = FtfyEntities.TABLE.get(reference);
            if (replacement == null && reference.startsWith("&#")) {
                String decoded = HtmlUnescaper.unescape(reference);
                replacement = decoded.indexOf(';') >= 0 ? reference : decoded;
            }
            out.append(text, pos, m.start()).append(replacement == null ? reference : replacement);
            pos = m.end();
        }
        return out.append(text, pos, text.length()).toString();
    }

    /**
     * The per-character fixes in ftfy's order: C1 controls, ligatures, character width and quotes, then lone
     * surrogates. They depend on nothing but the character, so running them on each character in turn gives the
     * same text as running each pass over the whole string.
     */
    private static String mapChars(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String mapped = null;
            if (Character.isSurrogate(c)) {
                mapped = isPairedSurrogate(text, i) ? null : "\uFFFD";
            } else if (mayNeedFix(c)) {
                String fixed = fixChar(c);
                mapped = fixed.length() == 1 && fixed.charAt(0) == c ? null : fixed;
            }
            if (mapped != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (mapped == null) {
                    out.append(c);
                } else {
                    out.append(mapped);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isPairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** False for every character that none of the per-character fixes touches. */
    private static boolean mayNeedFix(char c) {
        return Windows1252.isC1Control(c) || (c >= '\u0132' && c <= '\u01F3') || c == '\u02BC'
                || (c >= '\u2018' && c <= '\u201F') || c == '\u3000' || (c >= '\uFB00' && c <= '\uFB06')
                || (c >= '\uFF01' && c < '\uFFF0');
    }

    private static String fixChar(char c) {
        char afterC1 = Windows1252.isC1Control(c) ? Windows1252.decodeC1(c) : c;
        String ligature = LIGATURES.get(afterC1);
        String afterLigature = ligature == null ? String.valueOf(afterC1) : ligature;
        StringBuilder out = new StringBuilder(afterLigature.length());
        for (int k = 0; k < afterLigature.length(); k++) {
            char d = afterLigature.charAt(k);
            String width = widthForm(d);
            if (width == null) {
                out.append(uncurl(d));
            } else {
                for (int w = 0; w < width.length(); w++) {
                    out.append(uncurl(width.charAt(w)));
                }
            }
        }
        return out.toString();
    }

    private static String widthForm(char c) {
        if (c == '\u3000') {
            return " ";
        }
        if (c >= 0xFF01 && c < 0xFFF0) {
            return WidthForms.TABLE[c - 0xFF01];
        }
        return null;
    }

    private static char uncurl(char c) {
        if (c == '\u02BC' || (c >= '\u2018' && c <= '\u201B')) {
            return '\'';
        }
        return c >= '\u201C' && c <= '\u201F' ? '"' : c;
    }

    private static String fixLineBreaks(String text) {
        boolean any = false;
        for (int i = 0; i < text.length() && !any; i++) {
            char c = text.charAt(i);
            any = c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
        }
        if (!any) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n')
                .replace('\u0085', '\n');
    }

    private static String removeTerminalEscapes(String text) {
        return text.indexOf('\u001b') < 0 ? text : TERMINAL_ESCAPE.matcher(text).replaceAll("");
    }

    private static String removeControlChars(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop = c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F
                    || (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
            if (drop && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!drop && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static final Map<Character, String> LIGATURES = Map.ofEntries(
            Map.entry('\u0132', "IJ"), Map.entry('\u0133', "ij"), Map.entry('\u0149', "\u02BCn"),
            Map.entry('\u01F1', "DZ"), Map.entry('\u01F2', "Dz"), Map.entry('\u01F3', "dz"),
            Map.entry('\u01C4', "D\u017D"), Map.entry('\u01C5', "D\u017E"), Map.entry('\u01C6', "d\u017E"),
            Map.entry('\u01C7', "LJ"), Map.entry('\u01C8', "Lj"), Map.entry('\u01C9', "lj"),
            Map.entry('\u01CA', "NJ"), Map.entry('\u01CB', "Nj"), Map.entry('\u01CC', "nj"),
            Map.entry('\uFB00', "ff"), Map.entry('\uFB01', "fi"), Map.entry('\uFB02', "fl"),
            Map.entry('\uFB03', "ffi"), Map.entry('\uFB04', "ffl"), Map.entry('\uFB05', "\u017Ft"),
            Map.entry('\uFB06', "st"));

    /** ftfy's width map: for U+FF01 to U+FFEF, the NFKC form where it differs, else null. */
    private static final class WidthForms {
        static final String[] TABLE = build();

        private static String[] build() {
            String[] table = new String[0xFFF0 - 0xFF01];
            for (int c = 0xFF01; c < 0xFFF0; c++) {
                String s = String.valueOf((char) c);
                String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
                table[c - 0xFF01] = nfkc.equals(s) ? null : nfkc;
            }
            return table;
        }
    }

    /**
     * ftfy's entity table: every HTML5 name that ends in a semicolon, plus the all-caps spelling of each lowercase
     * name that HTML itself does not decode, mapped to the upper-cased text ({@code &EACUTE;} is {@code É}).
     */
    private static final class FtfyEntities {
        static final Map<String, String> TABLE = build();

        private static Map<String, String> build() {
            Map<String, String> table = new HashMap<>(4096);
            for (Map.Entry<String, String> e : HtmlUnescaper.namedReferences().entrySet()) {
                String name = e.getKey();
                if (!name.endsWith(";")) {
                    continue;
                }
                table.put("&" + name, e.getValue());
                if (name.equals(name.toLowerCase(Locale.ROOT))) {
                    String upper = "&" + name.toUpperCase(Locale.ROOT);
                    if (HtmlUnescaper.unescape(upper).equals(upper)) {
                        table.put(upper, e.getValue().toUpperCase(Locale.ROOT));
                    }
                }
            }
            return Collections.unmodifiableMap(table);
        }
    }
}
