package io.github.dermlip.core.tokenizer;

/**
 * open_clip's caption cleaning ({@code tokenizer.py}'s {@code clean} option), applied before tokenizing.
 *
 * <p>Every open_clip mode starts with open_clip's {@code basic_clean}: ftfy's {@code fix_text}, Python's {@code html.unescape}
 * twice, then stripping whitespace.
 * <ul>
 *   <li>Of ftfy 6.3 (default settings) everything but mojibake repair is reproduced, in ftfy's order and until the
 *       text stops changing: HTML references ending in a semicolon (with ftfy's all-caps names such as
 *       {@code &EACUTE;}, and not on or after a line containing {@code <}), C1 controls read as Windows-1252, Latin
 *       ligatures ({@code ﬁ}), full-width and half-width forms and the ideographic space, curly quotes, line breaks,
 *       lone surrogates, ANSI terminal escapes, control characters, and NFC normalization. Not reproduced is ftfy's
 *       {@code fix_encoding} family, which guesses and undoes wrong decodings ({@code cafÃ©} to {@code café}); such
 *       text keeps its mojibake here, so its ids differ from open_clip's. Clean text, accents, CJK and emoji included,
 *       is unaffected.</li>
 *   <li>{@code html.unescape} is reproduced in full: all 2,231 HTML5 named references including the legacy ones
 *       without a semicolon and their longest-prefix rule, decimal and hexadecimal references, and HTML5's rules for
 *       invalid numbers.</li>
 *   <li>Whitespace is Python's ({@code str.isspace}); lower-casing is Python's {@code str.lower()} (full case
 *       mapping, {@code İ} to {@code i̇}, Python's final-sigma rule).</li>
 * </ul>
 * Character properties follow the JVM's Unicode version (13.0 on Java 17).
 */
public enum TextCleaner {
    /** {@code clean='lower'}, the default of open_clip's CLIP BPE tokenizer: basic clean, collapse whitespace, lower-case. */
    LOWER,
    /** {@code clean='whitespace'}, the default of open_clip's Hugging Face tokenizer: basic clean, collapse whitespace. */
    WHITESPACE,
    /**
     * {@code clean='canonicalize'}: basic clean, underscores to spaces, ASCII punctuation removed, lower-cased,
     * whitespace collapsed.
     */
    CANONICALIZE,
    /**
     * The cleaning of Hugging Face's slow {@code CLIPTokenizer} (with ftfy installed): ftfy's fixes, whitespace
     * collapsed, lower-cased, and <em>no</em> HTML unescaping.
     */
    FTFY_LOWER;

    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** The cleaned text. */
    public String clean(String text) {
        return switch (this) {
            case LOWER -> PythonCase.lower(PythonWhitespace.collapse(basicClean(text)));
            case WHITESPACE -> PythonWhitespace.collapse(basicClean(text));
            case CANONICALIZE -> PythonWhitespace.collapse(PythonCase.lower(removePunctuation(
                    basicClean(text).replace('_', ' '))));
            case FTFY_LOWER -> PythonCase.lower(PythonWhitespace.collapse(TextFixer.fixText(text)));
        };
    }

    /** The mode for an open_clip {@code clean} name: {@code lower}, {@code whitespace} or {@code canonicalize}. */
    public static TextCleaner fromOpenClipName(String name) {
        return switch (name) {
            case "lower" -> LOWER;
            case "whitespace" -> WHITESPACE;
            case "canonicalize" -> CANONICALIZE;
            default -> throw new IllegalArgumentException("Unknown open_clip text clean mode '" + name
                    + "'; expected lower, whitespace or canonicalize");
        };
    }

    private static String basicClean(String text) {
        String fixed = TextFixer.fixText(text);
        return PythonWhitespace.strip(HtmlUnescaper.unescape(HtmlUnescaper.unescape(fixed)));
    }

    private static String removePunctuation(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ASCII_PUNCTUATION.indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
