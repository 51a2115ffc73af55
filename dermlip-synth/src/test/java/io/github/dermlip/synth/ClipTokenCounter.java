package io.github.dermlip.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Counts CLIP BPE tokens (open_clip's SimpleTokenizer: whitespace clean-up, lower-casing, the word pattern, byte-level
 * BPE with the 16e6 merges) so tests can check caption lengths exactly. Counting only: ids are not needed.
 */
final class ClipTokenCounter {

    private static final Pattern WORDS = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MERGES = 49152 - 256 - 2;

    private final Map<String, Integer> ranks = new HashMap<>();
    private final char[] byteToChar = new char[256];

    ClipTokenCounter(Path vocabGz) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(vocabGz)), StandardCharsets.UTF_8))) {
            in.readLine();
            for (int rank = 0; rank < MERGES; rank++) {
                String line = in.readLine();
                ranks.put(line, rank);
            }
        }
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            byteToChar[b] = printable ? (char) b : (char) (256 + extra++);
        }
    }

    /** Number of tokens including the start and end tokens. */
    int count(String text) {
        String clean = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        int tokens = 2;
        Matcher m = WORDS.matcher(clean);
        while (m.find()) {
            tokens += bpeLength(m.group());
        }
        return tokens;
    }

    private int bpeLength(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        List<String> word = new ArrayList<>(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            String symbol = String.valueOf(byteToChar[bytes[i] & 0xFF]);
            word.add(i == bytes.length - 1 ? symbol + "</w>" : symbol);
        }
        while (word.size() > 1) {
            int best = Integer.MAX_VALUE;
            int at = -1;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer rank = ranks.get(word.get(i) + " " + word.get(i + 1));
                if (rank != null && rank < best) {
                    best = rank;
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            String first = word.get(at);
            String second = word.get(at + 1);
            List<String> merged = new ArrayList<>(word.size());
            for (int i = 0; i < word.size(); i++) {
                if (i + 1 < word.size() && word.get(i).equals(first) && word.get(i + 1).equals(second)) {
                    merged.add(first + second);
                    i++;
                } else {
                    merged.add(word.get(i));
                }
            }
            word = merged;
        }
        return word.size();
    }
}
