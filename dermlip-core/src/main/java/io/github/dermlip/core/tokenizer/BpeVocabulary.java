package io.github.dermlip.core.tokenizer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * A byte-level BPE vocabulary in CLIP's layout, built exactly as open_clip's {@code SimpleTokenizer} builds it from
 * {@code bpe_simple_vocab_16e6.txt.gz}.
 *
 * <p>The file is gzip-compressed UTF-8 text: line 0 is a header, then one merge per line, two space-separated
 * symbols. At most the first {@value #MAX_MERGES} merges are used, as open_clip does (the CLIP file holds 262,144 and
 * uses 48,894). The vocabulary is, in id order: the 256 byte characters of {@code bytes_to_unicode}, the same with
 * {@code </w>}, one entry per merge (the two symbols joined), then {@code <start_of_text>} and {@code <end_of_text>}:
 * {@code 512 + merges + 2} ids in all, 49,408 for CLIP. As in Python, when two entries are the same string the later
 * id is the one used.
 *
 * <p>Unlike Python, a merge line that does not hold exactly two symbols is refused (naming the file and line)
 * instead of silently adding a stray vocabulary entry; and a newline at the very end of a short file just ends the
 * last line, where Python would read an empty merge after it.
 * Instances are immutable and thread-safe.
 */
public final class BpeVocabulary {
    /** open_clip reads at most this many merges: {@code 49152 - 256 - 2}. */
    public static final int MAX_MERGES = 49152 - 256 - 2;
    /** Words longer than this many bytes go to {@link LongWordBpe}, whose bookkeeping only pays off for long words. */
    static final int LONG_WORD_BYTES = 128;
    /** Header line written by {@link #writeGzip(Path)}; line 0 is never read as a merge. */
    static final String HEADER = "#version: 0.2";

    private final String source;
    private final List<String> merges;
    private final int size;
    private final int sotId;
    private final int eotId;
    private final Map<String, Integer> idOf;
    private final int[] byteSymbol = new int[256];
    private final int[] byteSymbolEndOfWord = new int[256];
    private final LongIntMap rankOfPair;
    private final int[] mergeLeft;
    private final int[] mergeRight;
    private final int[] mergeResult;

    private BpeVocabulary(String source, List<String> merges) {
        this.source = source;
        this.merges = Collections.unmodifiableList(new ArrayList<>(merges));
        List<String> entries = new ArrayList<>(512 + merges.size() + 2);
        for (int i = 0; i < 256; i++) {
            entries.add(String.valueOf(ByteLevelAlphabet.charOf(ByteLevelAlphabet.byteAt(i))));
        }
        for (int i = 0; i < 256; i++) {
            entries.add(entries.get(i) + ByteLevelAlphabet.END_OF_WORD);
        }
        String[][] pairs = new String[merges.size()][];
        for (int r = 0; r < merges.size(); r++) {
            pairs[r] = parseMerge(merges.get(r), r + 1);
            entries.add(pairs[r][0] + pairs[r][1]);
        }
        entries.add(ClipPreTokenizer.START_OF_TEXT);
        entries.add(ClipPreTokenizer.END_OF_TEXT);
        this.size = entries.size();
        this.idOf = new HashMap<>(entries.size() * 2);
        for (int id = 0; id < entries.size(); id++) {
            idOf.put(entries.get(id), id);
        }
        for (int b = 0; b < 256; b++) {
            String c = String.valueOf(ByteLevelAlphabet.charOf(b));
            byteSymbol[b] = idOf.get(c);
            byteSymbolEndOfWord[b] = idOf.get(c + ByteLevelAlphabet.END_OF_WORD);
        }
        this.sotId = idOf.get(ClipPreTokenizer.START_OF_TEXT);
        this.eotId = idOf.get(ClipPreTokenizer.END_OF_TEXT);
        this.rankOfPair = new LongIntMap(merges.size());
        this.mergeLeft = new int[merges.size()];
        this.mergeRight = new int[merges.size()];
        this.mergeResult = new int[merges.size()];
        for (int r = 0; r < pairs.length; r++) {
            Integer left = idOf.get(pairs[r][0]);
            Integer right = idOf.get(pairs[r][1]);
            mergeResult[r] = idOf.get(pairs[r][0] + pairs[r][1]);
            if (left != null && right != null) {
                // A symbol that is no vocabulary entry never occurs in a word, so such a merge can never apply.
                mergeLeft[r] = left;
                mergeRight[r] = right;
                rankOfPair.put(LongIntMap.pair(left, right), r);
            }
        }
    }

    private String[] parseMerge(String line, int lineNumber) {
        String[] parts = PythonWhitespace.collapse(line).split(" ");
        if (parts.length != 2) {
            throw new VocabularyException(source + ": line " + lineNumber + ": expected two space-separated symbols, got '"
                    + line + "'");
        }
        return parts;
    }

    /**
     * Reads a vocabulary file in CLIP's format (gzip). A missing file gives a {@link VocabularyException} that says
     * what to do.
     */
    public static BpeVocabulary load(Path gzipFile) {
        try (InputStream raw = Files.newInputStream(gzipFile)) {
            return read(raw, gzipFile.toString());
        } catch (NoSuchFileException e) {
            throw new VocabularyException(BpeVocabularyFiles.missingMessage(gzipFile + " does not exist"), e);
        } catch (IOException e) {
            throw new VocabularyException(gzipFile + ": cannot read vocabulary: " + e.getMessage(), e);
        }
    }

    /**
     * CLIP's vocabulary: the file {@link BpeVocabularyFiles#override()} names, else the copy bundled with
     * dermlip-core (its sha256 checked).
     */
    public static BpeVocabulary loadDefault() {
        Optional<Path> override = BpeVocabularyFiles.override();
        if (override.isPresent()) {
            return load(override.get());
        }
        try (InputStream raw = BpeVocabularyFiles.openBundled()) {
            return read(raw, "bundled " + BpeVocabularyFiles.BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new VocabularyException(BpeVocabularyFiles.BUNDLED_RESOURCE + ": cannot read vocabulary: "
                    + e.getMessage(), e);
        }
    }

    private static BpeVocabulary read(InputStream raw, String source) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                StandardCharsets.UTF_8))) {
            if (reader.readLine() == null) {
                throw new VocabularyException(source + ": empty vocabulary file (expected a header line, then merges)");
            }
            List<String> merges = new ArrayList<>(MAX_MERGES);
            for (String line = reader.readLine(); line != null && merges.size() < MAX_MERGES; line = reader.readLine()) {
                merges.add(line);
            }
            return new BpeVocabulary(source, merges);
        } catch (ZipException e) {
            throw new VocabularyException(source + ": not a gzip file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A vocabulary from merges held in memory, each {@code "left right"}, in rank order (the file's lines after the
     * header). {@code source} names it in error messages.
     */
    public static BpeVocabulary fromMerges(List<String> merges, String source) {
        if (merges.size() > MAX_MERGES) {
            throw new VocabularyException(source + ": " + merges.size() + " merges, open_clip reads at most " + MAX_MERGES);
        }
        return new BpeVocabulary(source, merges);
    }

    /** Writes this vocabulary in CLIP's format: gzip, a header line, one merge per line, no trailing newline. */
    public void writeGzip(Path gzipFile) throws IOException {
        try (OutputStream raw = Files.newOutputStream(gzipFile);
             Writer out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8))) {
            out.write(HEADER);
            for (String merge : merges) {
                out.write('\n');
                out.write(merge);
            }
        }
    }

    /** Number of token ids: {@code 512 + mergeCount() + 2}. */
    public int size() {
        return size;
    }

    /** Number of merges. */
    public int mergeCount() {
        return merges.size();
    }

    /** The merges, {@code "left right"}, in rank order. */
    public List<String> merges() {
        return merges;
    }

    /** Id of {@code <start_of_text>}. */
    public int sotId() {
        return sotId;
    }

    /** Id of {@code <end_of_text>}, the largest id. */
    public int eotId() {
        return eotId;
    }

    /** The id of an entry (the special ones spelt {@code <start_of_text>} and {@code <end_of_text>}), or -1. */
    public int idOf(String token) {
        return idOf.getOrDefault(token, -1);
    }

    /** Where this vocabulary came from, for messages. */
    public String source() {
        return source;
    }

    /**
     * Byte-level BPE of one word, given as its UTF-8 bytes: the last byte carries {@code </w>}; then, as long as a
     * pair of neighbouring symbols is a merge, every occurrence of the lowest-ranked such pair is merged, left to
     * right. Returns the ids of the final symbols.
     */
    int[] encodeWord(byte[] utf8) {
        int[] symbols = byteSymbols(utf8);
        return symbols.length > LONG_WORD_BYTES ? LongWordBpe.encode(this, symbols) : mergeByScanning(symbols);
    }

    /** The initial symbols of a word: one per byte, {@code </w>} on the last. */
    int[] byteSymbols(byte[] utf8) {
        int n = utf8.length;
        int[] symbols = new int[n];
        for (int i = 0; i < n - 1; i++) {
            symbols[i] = byteSymbol[utf8[i] & 0xFF];
        }
        symbols[n - 1] = byteSymbolEndOfWord[utf8[n - 1] & 0xFF];
        return symbols;
    }

    /** The BPE rounds as open_clip runs them: each round scans the whole word (quadratic in its length). */
    int[] mergeByScanning(int[] symbols) {
        int n = symbols.length;
        while (n > 1) {
            int best = Integer.MAX_VALUE;
            for (int i = 0; i < n - 1; i++) {
                int rank = rankOf(symbols[i], symbols[i + 1]);
                if (rank < best) {
                    best = rank;
                }
            }
            if (best == Integer.MAX_VALUE) {
                break;
            }
            int first = mergeLeft[best];
            int second = mergeRight[best];
            int merged = mergeResult[best];
            int w = 0;
            for (int i = 0; i < n; ) {
                if (i < n - 1 && symbols[i] == first && symbols[i + 1] == second) {
                    symbols[w++] = merged;
                    i += 2;
                } else {
                    symbols[w++] = symbols[i++];
                }
            }
            n = w;
        }
        return n == symbols.length ? symbols : Arrays.copyOf(symbols, n);
    }

    /** The rank of the merge of {@code left} then {@code right}, or {@link Integer#MAX_VALUE} when there is none. */
    int rankOf(int left, int right) {
        return rankOfPair.get(LongIntMap.pair(left, right), Integer.MAX_VALUE);
    }

    int mergeLeft(int rank) {
        return mergeLeft[rank];
    }

    int mergeRight(int rank) {
        return mergeRight[rank];
    }

    int mergeResult(int rank) {
        return mergeResult[rank];
    }
}
