package io.github.dermlip.core.hfclip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.tokenizer.BpeVocabulary;
import io.github.dermlip.core.tokenizer.ClipBpeTokenizer;
import io.github.dermlip.core.tokenizer.VocabularyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds the tokenizer of a Hugging Face CLIP folder from its files, as the slow {@code CLIPTokenizer} reads them:
 * {@code vocab.json} + {@code merges.txt}, or else the {@code model} of {@code tokenizer.json} (merges as
 * {@code "a b"} strings or {@code ["a", "b"]} pairs); the special tokens from {@code tokenizer_config.json},
 * overridden by {@code special_tokens_map.json}, with CLIPTokenizer's defaults.
 *
 * <p>The BPE itself is {@link BpeVocabulary}'s, which numbers its entries in CLIP's fixed order; the vocabulary file
 * must agree with that numbering, token for token, or it is refused naming the file and the first token that
 * differs. The padding id is the vocabulary id of {@code pad_token} (49407 in the openai repositories).
 */
public final class ClipTokenizerFiles {
    /** The slow tokenizer's vocabulary. */
    public static final String VOCAB_FILE = "vocab.json";
    /** The slow tokenizer's merges, one a line after a {@code #version} header. */
    public static final String MERGES_FILE = "merges.txt";
    /** The fast tokenizer's single file, read when {@code vocab.json} or {@code merges.txt} is absent. */
    public static final String TOKENIZER_FILE = "tokenizer.json";
    /** Tokenizer settings, special tokens among them. */
    public static final String TOKENIZER_CONFIG_FILE = "tokenizer_config.json";
    /** Special tokens, taking precedence over those of {@code tokenizer_config.json}. */
    public static final String SPECIAL_TOKENS_FILE = "special_tokens_map.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START_OF_TEXT = "<|startoftext|>";
    private static final String END_OF_TEXT = "<|endoftext|>";
    private static final List<String> TOKENIZER_CLASSES = List.of("CLIPTokenizer", "CLIPTokenizerFast");

    private ClipTokenizerFiles() {}

    /**
     * The tokenizer of the folder, making rows of {@code contextLength} ids.
     *
     * @throws VocabularyException naming the folder and the files it looked for when there is no vocabulary, or the
     *     file and token when the vocabulary is not CLIP's numbering
     * @throws ConfigException naming the file and field of an unsupported special token or tokenizer class
     */
    public static ClipBpeTokenizer read(Path dir, int contextLength) {
        Path vocabFile = dir.resolve(VOCAB_FILE);
        Path mergesFile = dir.resolve(MERGES_FILE);
        Path tokenizerFile = dir.resolve(TOKENIZER_FILE);
        BpeVocabulary vocabulary;
        JsonNode vocab;
        if (Files.isRegularFile(vocabFile) && Files.isRegularFile(mergesFile)) {
            vocabulary = BpeVocabulary.fromMerges(readMerges(mergesFile), mergesFile.toString());
            vocab = readJson(vocabFile);
            checkNumbering(vocab, vocabulary, vocabFile);
        } else if (Files.isRegularFile(tokenizerFile)) {
            JsonNode model = readJson(tokenizerFile).path("model");
            if (!"BPE".equals(model.path("type").asText()) || !model.path("vocab").isObject()
                    || !model.path("merges").isArray()) {
                throw new VocabularyException(tokenizerFile + ": field 'model' must be a BPE model with a vocab and"
                        + " merges");
            }
            vocabulary = BpeVocabulary.fromMerges(merges(model.get("merges"), tokenizerFile), tokenizerFile.toString());
            vocab = model.get("vocab");
            checkNumbering(vocab, vocabulary, tokenizerFile);
        } else {
            throw new VocabularyException(dir + ": no CLIP tokenizer files; expected " + VOCAB_FILE + " and "
                    + MERGES_FILE + ", or " + TOKENIZER_FILE);
        }
        SpecialToken pad = padToken(dir);
        JsonNode padId = vocab.get(pad.value());
        if (padId == null || !padId.canConvertToInt()) {
            throw new ConfigException(pad.source() + ": field 'pad_token' \"" + pad.value()
                    + "\" is not in the vocabulary");
        }
        return ClipBpeTokenizer.huggingFace(vocabulary, contextLength, padId.intValue());
    }

    /** HF's {@code read().strip().split("\n")[1:49152-256-2+1]}: the header line is skipped whatever it holds. */
    private static List<String> readMerges(Path file) {
        List<String> merges = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null && merges.size() < BpeVocabulary.MAX_MERGES;
                    line = in.readLine()) {
                merges.add(line);
            }
        } catch (IOException e) {
            throw new VocabularyException(file + ": cannot read merges: " + e.getMessage(), e);
        }
        while (!merges.isEmpty() && merges.get(merges.size() - 1).isBlank()) {
            merges.remove(merges.size() - 1);
        }
        return merges;
    }

    private static List<String> merges(JsonNode list, Path file) {
        List<String> merges = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            if (m.isTextual()) {
                merges.add(m.textValue());
            } else if (m.isArray() && m.size() == 2 && m.get(0).isTextual() && m.get(1).isTextual()) {
                merges.add(m.get(0).textValue() + " " + m.get(1).textValue());
            } else {
                throw new VocabularyException(file + ": field 'model.merges' entry " + i + " must be \"a b\" or"
                        + " [\"a\", \"b\"], found " + JsonSection.describe(m));
            }
        }
        return merges;
    }

    /** Every vocabulary entry must have the id {@link BpeVocabulary} gives it, and the sizes must agree. */
    private static void checkNumbering(JsonNode vocab, BpeVocabulary vocabulary, Path file) {
        if (vocab.size() != vocabulary.size()) {
            throw new VocabularyException(file + ": " + vocab.size() + " tokens, but its merges make a CLIP vocabulary"
                    + " of " + vocabulary.size());
        }
        Iterator<Map.Entry<String, JsonNode>> entries = vocab.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            String token = e.getKey();
            int expected = token.equals(START_OF_TEXT) ? vocabulary.sotId()
                    : token.equals(END_OF_TEXT) ? vocabulary.eotId() : vocabulary.idOf(token);
            if (!e.getValue().canConvertToInt() || e.getValue().intValue() != expected) {
                throw new VocabularyException(file + ": token \"" + token + "\" has id " + e.getValue()
                        + ", but CLIP's BPE numbering gives it " + expected + " (the vocabulary must list the 256"
                        + " byte symbols, the same with </w>, one entry per merge, then " + START_OF_TEXT + " and "
                        + END_OF_TEXT + ")");
            }
        }
    }

    /** A special token and the file that named it (the tokenizer config file when none did). */
    private record SpecialToken(String value, String source) {}

    /** The pad token, after checking that bos and eos are CLIP's. */
    private static SpecialToken padToken(Path dir) {
        Map<String, SpecialToken> tokens = new HashMap<>();
        String defaultSource = dir.resolve(TOKENIZER_CONFIG_FILE).toString();
        tokens.put("bos_token", new SpecialToken(START_OF_TEXT, defaultSource));
        tokens.put("eos_token", new SpecialToken(END_OF_TEXT, defaultSource));
        tokens.put("pad_token", new SpecialToken(END_OF_TEXT, defaultSource));
        for (String name : new String[] {TOKENIZER_CONFIG_FILE, SPECIAL_TOKENS_FILE}) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonSection json = JsonSection.read(file);
            if (json.has("tokenizer_class") && !TOKENIZER_CLASSES.contains(json.stringOr("tokenizer_class", ""))) {
                throw json.error("tokenizer_class", "must be one of " + TOKENIZER_CLASSES + ", found "
                        + json.raw("tokenizer_class"));
            }
            for (String field : tokens.keySet()) {
                String value = token(json, field);
                if (value != null) {
                    tokens.put(field, new SpecialToken(value, file.toString()));
                }
            }
        }
        requireToken(tokens.get("bos_token"), "bos_token", START_OF_TEXT);
        requireToken(tokens.get("eos_token"), "eos_token", END_OF_TEXT);
        return tokens.get("pad_token");
    }

    private static void requireToken(SpecialToken token, String field, String expected) {
        if (!token.value().equals(expected)) {
            throw new ConfigException(token.source() + ": field '" + field + "' must be " + expected + ", found \""
                    + token.value() + "\"");
        }
    }

    /** A special token given as a string or as an AddedToken object's {@code content}; null when absent. */
    private static String token(JsonSection json, String field) {
        JsonSection added = json.has(field) && json.raw(field).isObject() ? json.objectOrNull(field) : null;
        return added != null ? added.stringOr("content", null) : json.stringOr(field, null);
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new VocabularyException(file + ": cannot read JSON: " + e.getMessage(), e);
        }
    }
}
