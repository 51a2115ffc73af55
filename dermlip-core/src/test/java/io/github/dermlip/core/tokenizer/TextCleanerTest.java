package io.github.dermlip.core.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Expected values are what ftfy 6.3.1 {@code fix_text}, Python 3.11 and open_clip 3.3.0's clean functions return for
 * the same input.
 */
class TextCleanerTest {

    @Test
    void fixesTextLikeFtfy() {
        String[][] cases = {
            {"Broken text&hellip; it&#x2019;s \uFB02ubberi\uFB01c!", "Broken text\u2026 it's flubberific!"},
            {"\uFF2C\uFF2F\uFF35\uFF24\u3000\uFF2E\uFF2F\uFF29\uFF33\uFF25\uFF33", "LOUD NOISES"},
            {"P&EACUTE;REZ", "P\u00C9REZ"},
            {"BUNDESSTRA&SZLIG;E", "BUNDESSTRASSE"},
            {"&ntilde; &Ntilde; &NTILDE; &nTILDE;", "\u00F1 \u00D1 \u00D1 &nTILDE;"},
            {"this&not that", "this&not that"},
            {"&#59;", "&#59;"},
            {"&amp;amp;amp;", "&"},
            {"\u201Chere\u2019s a test\u201D", "\"here's a test\""},
            {"\u001B[36;44mblue\u001B[0m", "blue"},
            {"cafe\u0301", "caf\u00E9"},
            {"a\u0085b\u0096c", "a\u2026b\u2013c"},
            {"\uFEFFzero\u200Bwidth\u0007bell", "zero\u200Bwidthbell"},
            {"\u0149", "'n"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], TextFixer.fixText(c[0]), c[0]);
        }
    }

    @Test
    void ftfyLeavesHtmlAloneFromTheFirstLineWithATagOn() {
        assertEquals("a\n&", TextFixer.fixText("a\n&amp;amp;amp;"));
        assertEquals("a\n<b>\n&amp;amp;amp;", TextFixer.fixText("a\n<b>\n&amp;amp;amp;"));
        assertEquals("a\nb\nc", TextFixer.fixText("a\r\nb\u2028c"));
    }

    @Test
    void cleansLikeOpenClip() {
        String caption = "  The Patient\u2019s  LESION\u00A0&amp;amp; \uFF2C\uFF2F\uFF35\uFF24 ";
        assertEquals("the patient's lesion & loud", TextCleaner.LOWER.clean(caption));
        assertEquals("The Patient's LESION & LOUD", TextCleaner.WHITESPACE.clean(caption));
        assertEquals("the patients lesion loud", TextCleaner.CANONICALIZE.clean(caption));
        assertEquals("a bc d", TextCleaner.CANONICALIZE.clean("A_b-c, D!"));
    }

    @Test
    void lowerCasesLikePython() {
        assertEquals("\u03C3\u03B1\u03C23", TextCleaner.LOWER.clean("\u03A3\u0391\u03A33"), "final sigma before a digit");
        assertEquals("\u03C3\u03B1\u03C3\u03B2", TextCleaner.LOWER.clean("\u03A3\u0391\u03A3\u0392"), "sigma inside a word");
        assertEquals("i\u0307stanbul", TextCleaner.LOWER.clean("\u0130stanbul"), "dotted capital I");
    }

    @Test
    void collapsesPythonWhitespace() {
        assertEquals("a b c d", TextCleaner.WHITESPACE.clean("\u00A0a\u2028b\u001C c\u202Fd \t"));
    }

    @Test
    void parsesOpenClipModeNames() {
        assertEquals(TextCleaner.LOWER, TextCleaner.fromOpenClipName("lower"));
        assertEquals(TextCleaner.WHITESPACE, TextCleaner.fromOpenClipName("whitespace"));
        assertEquals(TextCleaner.CANONICALIZE, TextCleaner.fromOpenClipName("canonicalize"));
        assertThrows(IllegalArgumentException.class, () -> TextCleaner.fromOpenClipName("upper"));
    }
}
