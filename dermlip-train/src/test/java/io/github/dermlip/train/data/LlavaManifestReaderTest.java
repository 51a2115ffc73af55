package io.github.dermlip.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlavaManifestReaderTest {
    private static final String TWO_RECORDS = """
            [
              {"id": "bk1_1", "image": "dataset/bk1_1.png", "conversations": [
                {"from": "human", "value": "<image>\\nWhat does the image show?"},
                {"from": "gpt", "value": "A pink plaque."},
                {"from": "human", "value": "Where is it?"},
                {"from": "gpt", "value": "On the  <image> \\n forearm."}]},
              {"id": "bk1_2", "image": "dataset/bk1_2.png", "conversations": [
                {"from": "human", "value": "Describe it. <image>"},
                {"from": "gpt", "value": "<image>\\nScaly papules."}]}
            ]
            """;

    @TempDir
    Path dir;

    @Test
    void answerTakesTheFirstGptTurnWithoutImageTokens() throws IOException {
        ManifestSource source = LlavaManifestReader.read(write(TWO_RECORDS), LlavaCaption.ANSWER, dir);

        assertEquals(2, source.rows());
        assertEquals(new ManifestEntry("dataset/bk1_1.png", "A pink plaque."), source.entry(0));
        assertEquals(new ManifestEntry("dataset/bk1_2.png", "Scaly papules."), source.entry(1));
        assertEquals(dir.toAbsolutePath(), source.imageRoot());
    }

    @Test
    void allAnswersJoinsEveryGptTurn() throws IOException {
        ManifestSource source = LlavaManifestReader.read(write(TWO_RECORDS), LlavaCaption.ALL_ANSWERS, dir);

        assertEquals(2, source.rows());
        assertEquals("A pink plaque. On the forearm.", source.entry(0).caption());
    }

    @Test
    void pairsGivesOneSamplePerGptTurn() throws IOException {
        ManifestSource source = LlavaManifestReader.read(write(TWO_RECORDS), LlavaCaption.PAIRS, dir);

        assertEquals(3, source.rows());
        assertEquals(new ManifestEntry("dataset/bk1_1.png", "On the forearm."), source.entry(1));
        assertEquals(new ManifestEntry("dataset/bk1_2.png", "Scaly papules."), source.entry(2));
    }

    @Test
    void aRecordWithoutConversationsNamesTheFileAndTheRecordIndex() throws IOException {
        Path manifest = write("[{\"image\": \"a.png\", \"conversations\": [{\"from\": \"gpt\", \"value\": \"x\"}]},"
                + " {\"id\": 7, \"image\": \"b.png\"}]");

        ManifestException error = assertThrows(ManifestException.class,
                () -> LlavaManifestReader.read(manifest, LlavaCaption.ANSWER, dir));

        assertTrue(error.getMessage().contains(manifest + " record 1 "), error.getMessage());
        assertTrue(error.getMessage().contains("'conversations'"), error.getMessage());
        assertTrue(error.getMessage().contains("[id, image]"), error.getMessage());
    }

    @Test
    void aRecordWithoutAGptTurnOrImageIsAnError() throws IOException {
        Path noAnswer = write("[{\"image\": \"a.png\", \"conversations\": [{\"from\": \"human\", \"value\": \"x\"}]}]");
        Path noImage = write("[{\"conversations\": []}]");
        Path notArray = write("{\"image\": \"a.png\"}");
        Path truncated = write("[{\"image\": \"a.png\", \"conversations\": [");

        assertTrue(message(noAnswer).contains("record 0 has no 'gpt' turn"), message(noAnswer));
        assertTrue(message(noImage).contains("record 0 needs a text field 'image'"), message(noImage));
        assertTrue(message(notArray).contains("must be a JSON array"), message(notArray));
        assertTrue(message(truncated).contains("is not valid JSON"), message(truncated));
    }

    private String message(Path manifest) {
        return assertThrows(ManifestException.class,
                () -> LlavaManifestReader.read(manifest, LlavaCaption.ANSWER, dir)).getMessage();
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "llava", ".json"), json);
    }
}
