package io.github.dermlip.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionManifestTest {
    @TempDir
    Path dir;

    @Test
    void blankCaptionsAreLeftOutAndCounted() throws IOException {
        Path csv = write("m.csv", "filename,truncated_caption\na.jpg,first\nb.jpg,\nc.jpg,\"  \"\n,orphan\n"
                + "d.jpg,\"two\nlines\"\ne.jpg,last\n");

        CaptionManifest manifest = CaptionManifest.read(csv, "filename", "truncated_caption", null);

        assertEquals(2, manifest.blankCaptions());
        assertEquals(6, manifest.pairs().size());
        assertEquals(List.of(new CaptionManifest.Pair(2, "a.jpg", "first"), new CaptionManifest.Pair(5, "", "orphan"),
                new CaptionManifest.Pair(6, "d.jpg", "two\nlines"), new CaptionManifest.Pair(8, "e.jpg", "last")),
                manifest.captioned());
    }

    @Test
    void anUnbalancedQuoteNamesTheManifestAndTheLine() throws IOException {
        Path csv = write("quote.csv", "filename,truncated_caption\na.jpg,fine\nb.jpg,\"never closed\nc.jpg,x\n");

        TableFormatException error = assertThrows(TableFormatException.class,
                () -> CaptionManifest.read(csv, "filename", "truncated_caption", null));

        assertTrue(error.getMessage().startsWith(csv + ": line"), error.getMessage());
        assertTrue(error.getMessage().contains("line 3") || error.getMessage().contains("lines 3-"),
                error.getMessage());
        assertTrue(error.getMessage().contains("unbalanced"), error.getMessage());
    }

    @Test
    void latin1BytesNameTheManifestAndTheLine() throws IOException {
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, "filename,truncated_caption\na.jpg,ok\nb.jpg,caf\u00e9 au lait\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        TableFormatException error = assertThrows(TableFormatException.class,
                () -> CaptionManifest.read(csv, "filename", "truncated_caption", null));

        assertTrue(error.getMessage().startsWith(csv + ": line 3: byte 0xe9"), error.getMessage());
        assertTrue(error.getMessage().contains("not UTF-8"), error.getMessage());
    }

    @Test
    void aBadByteFarIntoALargeManifestNamesItsLine() throws IOException {
        StringBuilder text = new StringBuilder("filename,truncated_caption\n");
        for (int i = 0; i < 5000; i++) {
            text.append("img").append(i).append(".jpg,a fairly long caption number ").append(i).append('\n');
        }
        Path csv = dir.resolve("large.csv");
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "x.jpg,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(good, good.length + bad.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(csv, all);

        TableFormatException error = assertThrows(TableFormatException.class,
                () -> CaptionManifest.read(csv, "filename", "truncated_caption", ','));

        assertTrue(error.getMessage().startsWith(csv + ": line 5002: byte 0xe9 at offset " + (good.length + 9)),
                error.getMessage());
    }

    @Test
    void aMissingColumnListsTheColumnsThere() throws IOException {
        Path csv = write("m.tsv", "filename\tcaption\na.jpg\tx\n");

        TableFormatException error = assertThrows(TableFormatException.class,
                () -> CaptionManifest.read(csv, "filename", "truncated_caption", null));

        assertTrue(error.getMessage().contains("'truncated_caption'"), error.getMessage());
        assertTrue(error.getMessage().contains("[filename, caption]"), error.getMessage());
    }

    @Test
    void theWriterRoundTripsThroughTheReader() throws IOException {
        Path csv = dir.resolve("out/table.csv");
        List<List<String>> rows = List.of(List.of("a.jpg", "comma, \"quote\"\nand newline"),
                List.of("b.jpg", "plain"));

        CsvTableWriter.write(csv, List.of("image", "caption"), rows);

        assertEquals("image,caption\na.jpg,\"comma, \"\"quote\"\"\nand newline\"\nb.jpg,plain\n",
                Files.readString(csv));
        CaptionManifest manifest = CaptionManifest.read(csv, "image", "caption", ',');
        assertEquals("comma, \"quote\"\nand newline", manifest.captioned().get(0).caption());
        assertEquals(4, manifest.captioned().get(1).line());
        assertThrows(IllegalArgumentException.class,
                () -> CsvTableWriter.render(List.of("a", "b"), List.of(List.of("only one"))));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
