package io.github.dermlip.core.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Long words: the same ids as open_clip's scanning BPE, in bounded time, and a memo bounded by characters. */
class LongWordTest {
    private static BpeVocabulary clip;

    @BeforeAll
    static void loadVocabulary() {
        clip = BpeVocabulary.load(SharedFixtures.bpeVocab());
    }

    private static String randomWord(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void longWordBpeGivesTheScanningIds() {
        Random random = new Random(16);
        List<String> alphabets = List.of("abcdefghijklmnopqrstuvwxyz", "a", "ab", "aab", "etaoinshr", "é漢字ü",
                "0123456789", "melanomanevus");
        for (int i = 0; i < 160; i++) {
            String alphabet = alphabets.get(i % alphabets.size());
            String word = randomWord(random, alphabet, 2 + random.nextInt(i < 80 ? 300 : 3000));
            int[] symbols = clip.byteSymbols(word.getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(clip.mergeByScanning(symbols.clone()), LongWordBpe.encode(clip, symbols),
                    () -> "word of " + word.length() + " characters over '" + alphabet + "'");
        }
        BpeVocabulary trained = BpeTrainer.train(List.of("aaaa abab aab ba", "melanoma nevus naevus"), 60);
        for (int i = 0; i < 100; i++) {
            int[] symbols = trained.byteSymbols(randomWord(random, "abn", 1 + random.nextInt(500)).getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(trained.mergeByScanning(symbols.clone()), LongWordBpe.encode(trained, symbols));
        }
    }

    @Test
    @Timeout(20)
    void aWordOfHundredsOfThousandsOfLettersIsFastAndCutToTheContext() {
        ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(clip, 77);
        String word = randomWord(new Random(3), "abcdefghijklmnopqrstuvwxyz", 300_000);
        long start = System.nanoTime();
        long[] row = tokenizer.encode(List.of(word)).ids()[0];
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "300k letters took " + millis + " ms");
        assertEquals(49406, row[0]);
        assertEquals(49407, row[76]);
        int[] prefix = clip.mergeByScanning(clip.byteSymbols(word.substring(0, 3000).getBytes(StandardCharsets.UTF_8)));
        int[] full = tokenizer.tokenize(word);
        assertTrue(full.length > 75, "a 300k-letter word gives " + full.length + " tokens");
        assertArrayEquals(Arrays.copyOf(full, 75), Arrays.stream(row, 1, 76).mapToInt(v -> (int) v).toArray());
        assertEquals(prefix[0], full[0], "the word starts as its prefix does");
    }

    @Test
    void theMemoIsBoundedByCharactersNotWords() {
        int capacity = 64 * 1000;
        ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(clip, 77, TextCleaner.LOWER, capacity);
        Random random = new Random(5);
        for (int i = 0; i < 300; i++) {
            tokenizer.encode(List.of(randomWord(random, "abcdefghij", 600)));
            assertTrue(tokenizer.cachedCharacters() <= capacity, "memo holds " + tokenizer.cachedCharacters());
        }
        tokenizer.encode(List.of(randomWord(random, "abcdefghij", 5000)));
        assertTrue(tokenizer.cachedCharacters() <= capacity);
        ClipBpeTokenizer fresh = new ClipBpeTokenizer(clip, 77, TextCleaner.LOWER, capacity);
        fresh.encode(List.of(randomWord(random, "abcdefghij", 2000)));
        assertEquals(0, fresh.cachedCharacters(), "a word of more than 1/64 of the memo is not kept");
    }
}
