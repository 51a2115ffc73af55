package io.github.dermlip.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlManifestReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsOneObjectPerLineWithTheConfiguredKeys() throws IOException {
        Path manifest = Files.writeString(dir.resolve("train.jsonl"),
                "{\"filename\": \"a.jpg\", \"truncated_caption\": \"plaque, scaly\", \"label\": 3}\n"
                        + "\n"
                        + "{\"truncated_caption\": \"line\\nbreak\", \"filename\": \"b.png\"}\n"
                        + "{\"filename\": \"c.png\", \"truncated_caption\": null}\n");

        ManifestSource source = ManifestSource.read(manifest, ManifestOptions.derm1m());

        assertEquals(3, source.rows());
        assertEquals(new ManifestEntry("a.jpg", "plaque, scaly"), source.entry(0));
        assertEquals(new ManifestEntry("b.png", "line\nbreak"), source.entry(1));
        assertEquals(new ManifestEntry("c.png", ""), source.entry(2));
        assertEquals(dir.toAbsolutePath(), source.imageRoot());
    }

    @Test
    void aMissingKeyIsReportedWithTheLineAndTheAvailableKeys() throws IOException {
        Path manifest = Files.writeString(dir.resolve("m.jsonl"),
                "{\"filepath\": \"a.jpg\", \"title\": \"x\"}\n{\"filepath\": \"b.jpg\", \"caption\": \"y\"}\n");

        ManifestException error = assertThrows(ManifestException.class,
                () -> JsonlManifestReader.read(manifest, ManifestOptions.openClipDefaults()));

        String message = error.getMessage();
        assertTrue(message.contains(manifest.toString()), message);
        assertTrue(message.contains("line 2"), message);
        assertTrue(message.contains("'title'"), message);
        assertTrue(message.contains("[filepath, caption]"), message);
    }

    @Test
    void aLineThatIsNotAnObjectIsAnError() throws IOException {
        Path manifest = Files.writeString(dir.resolve("m.jsonl"), "[1, 2]\n");

        ManifestException error = assertThrows(ManifestException.class,
                () -> JsonlManifestReader.read(manifest, ManifestOptions.openClipDefaults()));

        assertTrue(error.getMessage().contains("line 1 is not a JSON object"), error.getMessage());
    }
}
