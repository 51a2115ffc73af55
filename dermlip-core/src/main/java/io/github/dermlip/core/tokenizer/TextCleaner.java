package io.github.dermlip.core.tokenizer;

/**
 * open_clip's caption cleaning ({@code tokenizer.py}'s {@code clean} option), applied before tokenizing.
 *
 * <p>Every mode starts with open_clip's {@code basic_clean}: ftfy's {@code fix_text} (see {@code TextFixer} for the
 * part reproduced here), Python's {@code html.unescape} twice (see {@code HtmlUnescaper}), then stripping
 * whitespace. Whitespace is Python's ({@code str.isspace}); lower-casing is Python's {@code str.lower()} (full case
 * mapping, {@code İ} to {@code i̇}, and Python's final-sigma rule), for every character of the JVM's Unicode version.
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
    CANONICALIZE;

    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** The cleaned text. */
    public String clean(String text) {
        String basic = basicClean(text);
        return switch (this) {
            case LOWER -> PythonCase.lower(PythonWhitespace.collapse(basic));
            case WHITESPACE -> PythonWhitespace.collapse(basic);
            case CANONICALIZE -> PythonWhitespace.collapse(PythonCase.lower(removePunctuation(basic.replace('_', ' '))));
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
