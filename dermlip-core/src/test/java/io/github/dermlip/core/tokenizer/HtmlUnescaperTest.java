package io.github.dermlip.core.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are what Python 3.11's {@code html.unescape} returns for the same input. */
class HtmlUnescaperTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            &amp;                  | &
            &amp                   | &
            &ampxyz                | &xyz
            &AMP;                  | &
            &Amp;                  | &Amp;
            &notit;                | \u00ACit;
            &notin;                | \u2209
            &acE;                  | \u223E\u0333
            &eacute                | \u00E9
            a&lt;b&gt;c            | a<b>c
            &#39;                  | '
            &#x27                  | '
            &#X41;                 | A
            &#65                   | A
            &#0x41;                | \uFFFDx41;
            &#x1F600;              | \uD83D\uDE00
            &#150;                 | \u2013
            &#128;                 | \u20AC
            &#x110000;             | \uFFFD
            &#xD800;               | \uFFFD
            &#99999999999999999999;| \uFFFD
            &bogus;                | &bogus;
            &;                     | &;
            &#;                    | &#;
            &#x;                   | &#x;
            &aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; | &aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;
            """)
    void decodesLikePython(String input, String expected) {
        assertEquals(expected, HtmlUnescaper.unescape(input));
    }

    @Test
    void appliesHtml5RulesToInvalidNumbers() {
        assertEquals("\uFFFD", HtmlUnescaper.unescape("&#0;"));
        assertEquals("\r", HtmlUnescaper.unescape("&#13;"));
        assertEquals("", HtmlUnescaper.unescape("&#1;"));
        assertEquals("", HtmlUnescaper.unescape("&#127;"));
        assertEquals("", HtmlUnescaper.unescape("&#xFFFE;"));
        assertEquals("", HtmlUnescaper.unescape("&#xFDD0;"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"plain text", "caf\u00E9"})
    void returnsTextWithoutAmpersandUnchanged(String text) {
        assertSame(text, HtmlUnescaper.unescape(text));
    }

    @Test
    void holdsTheWholeHtml5Table() {
        assertEquals(2231, HtmlUnescaper.namedReferences().size());
    }
}
