package io.github.dermlip.train.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a training manifest in LLaVA's conversation JSON, the format of MM-Skin's {@code Dataframe/Pretrain/*.json}
 * (the files LLaVA-Med's {@code train_mem.py --data_path} takes, their images under {@code --image_folder}): one JSON
 * array of records {@code {"id", "image", "conversations": [{"from": "human"|"gpt", "value"}, ...]}}.
 *
 * <p>The image path is the record's {@code image}, relative to the image root. The caption is taken from the gpt
 * turns as {@link LlavaCaption} says, with every {@code <image>} token and the whitespace around it removed (LLaVA
 * puts the token, usually followed by a newline, into the first human turn; a gpt turn holding one is cleaned the
 * same way). Other keys ({@code id}, human turns) are ignored. The file is streamed record by record, so only one
 * record's tree is held at a time beside the entries read.
 */
public final class LlavaManifestReader {
    /** LLaVA's image placeholder ({@code DEFAULT_IMAGE_TOKEN}). */
    public static final String IMAGE_TOKEN = "<image>";
    private static final Pattern IMAGE_TOKEN_WITH_SPACE = Pattern.compile("\\s*" + Pattern.quote(IMAGE_TOKEN) + "\\s*");
    private static final String ASSISTANT = "gpt";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LlavaManifestReader() {}

    /**
     * Reads the manifest.
     *
     * @param imageRoot folder relative image paths resolve against
     * @throws ManifestException when the file is not a JSON array of objects, or a record lacks its image or
     *     conversations or has no gpt turn; the message names the file and the record's 0-based index
     */
    public static ManifestSource read(Path manifest, LlavaCaption mode, Path imageRoot) throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        JsonFactory factory = MAPPER.getFactory();
        try (JsonParser parser = factory.createParser(Files.newBufferedReader(manifest))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ManifestException("LLaVA manifest " + manifest + " must be a JSON array of records, found "
                        + parser.currentToken());
            }
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), index++) {
                if (token == null) {
                    throw new ManifestException("LLaVA manifest " + manifest + " ends inside the array after record "
                            + (index - 1));
                }
                if (token != JsonToken.START_OBJECT) {
                    throw error(manifest, index, "is " + token + ", expected a JSON object");
                }
                JsonNode record = MAPPER.readTree(parser);
                String image = imageOf(manifest, index, record);
                List<String> answers = answersOf(manifest, index, record);
                switch (mode) {
                    case ANSWER -> entries.add(new ManifestEntry(image, answers.get(0)));
                    case ALL_ANSWERS -> entries.add(new ManifestEntry(image, String.join(" ", answers)));
                    case PAIRS -> answers.forEach(answer -> entries.add(new ManifestEntry(image, answer)));
                    default -> throw new IllegalStateException("caption mode " + mode + " is not handled");
                }
            }
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ManifestException("LLaVA manifest " + manifest + " is not valid JSON" + line + ": "
                    + e.getOriginalMessage(), e);
        }
        return new ManifestSource(manifest.toString(), imageRoot, entries);
    }

    /** The text with every {@code <image>} token and the whitespace around it removed, stripped. */
    static String withoutImageTokens(String text) {
        return IMAGE_TOKEN_WITH_SPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String imageOf(Path manifest, int index, JsonNode record) throws ManifestException {
        JsonNode image = record.get("image");
        if (image == null || !image.isTextual()) {
            throw error(manifest, index, "needs a text field 'image'; fields: " + fieldNames(record));
        }
        return image.asText();
    }

    private static List<String> answersOf(Path manifest, int index, JsonNode record) throws ManifestException {
        JsonNode conversations = record.get("conversations");
        if (conversations == null || !conversations.isArray()) {
            throw error(manifest, index, "needs an array 'conversations'; fields: " + fieldNames(record));
        }
        List<String> answers = new ArrayList<>();
        for (int turn = 0; turn < conversations.size(); turn++) {
            JsonNode message = conversations.get(turn);
            JsonNode from = message.get("from");
            JsonNode value = message.get("value");
            if (from == null || !from.isTextual() || value == null || !value.isTextual()) {
                throw error(manifest, index, "conversations[" + turn + "] needs text fields 'from' and 'value'");
            }
            if (from.asText().equals(ASSISTANT)) {
                answers.add(withoutImageTokens(value.asText()));
            }
        }
        if (answers.isEmpty()) {
            throw error(manifest, index, "has no '" + ASSISTANT + "' turn to take a caption from");
        }
        return answers;
    }

    private static List<String> fieldNames(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ManifestException error(Path manifest, int index, String problem) {
        return new ManifestException("LLaVA manifest " + manifest + " record " + index + " " + problem);
    }
}
