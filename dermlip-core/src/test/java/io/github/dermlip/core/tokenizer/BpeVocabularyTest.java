package io.github.dermlip.core.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, layout, checksums and error messages of BPE vocabularies. */
class BpeVocabularyTest {
    @TempDir
    Path dir;

    @Test
    void clipVocabularyHasOpenClipLayout() throws IOException {
        Path file = SharedFixtures.bpeVocab();
        BpeVocabulary clip = BpeVocabulary.load(file);
        assertEquals(49408, clip.size());
        assertEquals(48894, clip.mergeCount());
        assertEquals(49406, clip.sotId());
        assertEquals(49407, clip.eotId());
        assertEquals("i n", clip.merges().get(0));
        assertEquals(BpeVocabularyFiles.CLIP_VOCAB_SHA256, Sha256.of(file));
        BpeVocabularyFiles.verifyClipVocabulary(file);
    }

    @Test
    void inMemoryMergesApplyByRankAndLaterDuplicateEntriesWin() {
        // Entries: 512 byte symbols, then ab=512, abc=513, bc=514, abc=515, then SOT 516 and EOT 517.
        BpeVocabulary vocabulary = BpeVocabulary.fromMerges(List.of("a b", "ab c", "b c", "a bc"), "test merges");
        assertEquals(518, vocabulary.size());
        assertEquals(516, vocabulary.sotId());
        assertEquals(517, vocabulary.eotId());
        ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(vocabulary, 16);
        // "abcd": a b c d</w> -> ab c d</w> -> abc d</w>; "abc" is entry 515 (Python's dict keeps the last index);
        // d</w> is 256 + ('d' - '!').
        assertArrayEquals(new int[] {515, 256 + 'd' - '!'}, tokenizer.tokenize("abcd"));
        // "h" alone is the end-of-word symbol 256 + ('h' - '!').
        assertArrayEquals(new int[] {256 + 'h' - '!'}, tokenizer.tokenize("H"));
    }

    @Test
    void gzipRoundTripKeepsMerges() throws IOException {
        BpeVocabulary vocabulary = BpeVocabulary.fromMerges(List.of("h e", "l l", "he ll", "hell o</w>"), "test");
        Path file = dir.resolve("vocab.txt.gz");
        vocabulary.writeGzip(file);
        BpeVocabulary loaded = BpeVocabulary.load(file);
        assertEquals(vocabulary.merges(), loaded.merges());
        assertArrayEquals(new int[] {515}, new ClipBpeTokenizer(loaded, 8).tokenize("hello"));
        VocabularyException e = assertThrows(VocabularyException.class, () -> BpeVocabularyFiles.verifyClipVocabulary(file));
        assertTrue(e.getMessage().contains(BpeVocabularyFiles.CLIP_VOCAB_SHA256), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void missingFileMessageSaysWhatToDo() {
        Path missing = dir.resolve("nowhere").resolve(BpeVocabularyFiles.CLIP_VOCAB_FILE_NAME);
        VocabularyException e = assertThrows(VocabularyException.class, () -> BpeVocabulary.load(missing));
        assertMentionsSource(e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void overrideOrderAndErrors() throws IOException {
        Map<String, String> none = Map.of();
        assertEquals(Optional.empty(), BpeVocabularyFiles.override(none::get, none::get));

        Path fromEnv = Files.write(dir.resolve("env.gz"), new byte[] {1});
        Map<String, String> env = Map.of(BpeVocabularyFiles.ENVIRONMENT_VARIABLE, fromEnv.toString());
        assertEquals(Optional.of(fromEnv), BpeVocabularyFiles.override(none::get, env::get));

        Path fromProperty = Files.write(dir.resolve("property.gz"), new byte[] {2});
        Map<String, String> property = Map.of(BpeVocabularyFiles.SYSTEM_PROPERTY, fromProperty.toString());
        assertEquals(Optional.of(fromProperty), BpeVocabularyFiles.override(property::get, env::get));

        Map<String, String> badProperty = Map.of(BpeVocabularyFiles.SYSTEM_PROPERTY, dir.resolve("absent.gz").toString());
        VocabularyException wrong = assertThrows(VocabularyException.class,
                () -> BpeVocabularyFiles.override(badProperty::get, env::get));
        assertMentionsSource(wrong.getMessage());
        assertTrue(wrong.getMessage().contains("absent.gz"), wrong.getMessage());
    }

    @Test
    void bundledVocabularyIsOpenClipsFile() throws IOException {
        try (InputStream in = BpeVocabularyFiles.openBundled()) {
            assertEquals(BpeVocabularyFiles.CLIP_VOCAB_SHA256, Sha256.of(in));
        }
        BpeVocabulary bundled = BpeVocabulary.loadDefault();
        assertEquals(BpeVocabulary.load(SharedFixtures.bpeVocab()).merges(), bundled.merges());
    }

    @Test
    void malformedFilesAreRefusedWithFileAndLine() throws IOException {
        Path threeSymbols = gzip("bad.txt.gz", "#version: 0.2\ni n\na b c\n");
        VocabularyException e = assertThrows(VocabularyException.class, () -> BpeVocabulary.load(threeSymbols));
        assertTrue(e.getMessage().contains(threeSymbols.toString()) && e.getMessage().contains("line 2"), e.getMessage());

        Path plain = Files.writeString(dir.resolve("plain.txt.gz"), "#version\ni n\n");
        VocabularyException notGzip = assertThrows(VocabularyException.class, () -> BpeVocabulary.load(plain));
        assertTrue(notGzip.getMessage().contains("not a gzip file"), notGzip.getMessage());
    }

    private Path gzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static void assertMentionsSource(String message) {
        assertTrue(message.contains(BpeVocabularyFiles.CLIP_VOCAB_SHA256), message);
        assertTrue(message.contains("bundled with dermlip-core"), message);
    }
}
