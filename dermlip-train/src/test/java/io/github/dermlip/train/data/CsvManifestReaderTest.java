package io.github.dermlip.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvManifestReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsDerm1mColumnsIgnoringTheOthersWithQuotedCommasAndNewlines() throws IOException {
        Path manifest = write("Derm1M_v2_pretrain.csv",
                "filename,caption,truncated_caption,disease_label,source\n"
                        + "youtube/a.jpg,\"long, raw caption\",\"Erythematous plaque, scaly border\",psoriasis,youtube\n"
                        + "pubmed/b.png,x,\"two\nlines, \"\"quoted\"\"\",eczema,pubmed\n"
                        + "edu/c.jpg,y,,acne,edu\n");

        ManifestSource source = CsvManifestReader.read(manifest, ManifestOptions.derm1m());

        assertEquals(3, source.rows());
        assertEquals(new ManifestEntry("youtube/a.jpg", "Erythematous plaque, scaly border"), source.entry(0));
        assertEquals(new ManifestEntry("pubmed/b.png", "two\nlines, \"quoted\""), source.entry(1));
        assertEquals(new ManifestEntry("edu/c.jpg", ""), source.entry(2), "the loader leaves it out as a bad sample");
    }

    @Test
    void readsTabSeparatedWithOpenClipDefaultColumns() throws IOException {
        Path manifest = write("train.tsv", "title\tfilepath\textra\n"
                + "a red, itchy rash\timgs/1.png\tz\n"
                + "\"quoted\ttab\"\timgs/2.png\tz\n");

        ManifestSource source = CsvManifestReader.read(manifest, ManifestOptions.openClipDefaults());

        assertEquals(new ManifestEntry("imgs/1.png", "a red, itchy rash"), source.entry(0));
        assertEquals(new ManifestEntry("imgs/2.png", "quoted\ttab"), source.entry(1));
    }

    @Test
    void aCsvFileWithTabsInItsHeaderIsReadWithOpenClipsTabSeparator() throws IOException {
        Path manifest = write("cc3m.csv", "filepath\ttitle\nimgs/1.png\ta caption, with a comma\n");

        ManifestSource source = CsvManifestReader.read(manifest, ManifestOptions.openClipDefaults());

        assertEquals(new ManifestEntry("imgs/1.png", "a caption, with a comma"), source.entry(0));
    }

    @Test
    void anExplicitSeparatorIsUsedAsGiven() throws IOException {
        Path manifest = write("data.txt", "filepath;title\nimgs/1.png;a, b\n");

        ManifestSource source = CsvManifestReader.read(manifest, ManifestOptions.openClipDefaults().withSeparator(';'));

        assertEquals(new ManifestEntry("imgs/1.png", "a, b"), source.entry(0));
    }

    @Test
    void aMissingColumnIsReportedWithTheFileAndTheAvailableColumns() throws IOException {
        Path manifest = write("derm.csv", "filename,caption,disease_label\na.jpg,x,y\n");

        ManifestException error = assertThrows(ManifestException.class,
                () -> CsvManifestReader.read(manifest, ManifestOptions.derm1m()));

        String message = error.getMessage();
        assertTrue(message.contains(manifest.toString()), message);
        assertTrue(message.contains("'truncated_caption'"), message);
        assertTrue(message.contains("[filename, caption, disease_label]"), message);
    }

    @Test
    void aHeaderReadAsOneColumnHintsAtTheSeparator() throws IOException {
        Path manifest = write("derm.tsv", "filename,truncated_caption\na.jpg,x\n");

        ManifestException error = assertThrows(ManifestException.class,
                () -> CsvManifestReader.read(manifest, ManifestOptions.derm1m()));

        assertTrue(error.getMessage().contains("[filename,truncated_caption]"), error.getMessage());
        assertTrue(error.getMessage().contains("separator may be wrong"), error.getMessage());
    }

    @Test
    void aRecordTooShortForTheColumnsIsAnError() throws IOException {
        Path manifest = write("short.csv", "filename,x,truncated_caption\na.jpg,1,cap\nb.jpg,2\n");

        ManifestException error = assertThrows(ManifestException.class,
                () -> CsvManifestReader.read(manifest, ManifestOptions.derm1m()));

        assertTrue(error.getMessage().contains("record 2"), error.getMessage());
        assertTrue(error.getMessage().contains("'truncated_caption'"), error.getMessage());
    }

    @Test
    void malformedTextIsAManifestErrorNamingTheFileAndTheLine() throws IOException {
        Path quote = write("quote.csv", "filename,truncated_caption\na.jpg,\"open\nb.jpg,x\n");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "filename,truncated_caption\na.jpg,na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));

        ManifestException unbalanced = assertThrows(ManifestException.class,
                () -> CsvManifestReader.read(quote, ManifestOptions.derm1m()));
        ManifestException notUtf8 = assertThrows(ManifestException.class,
                () -> CsvManifestReader.read(latin1, ManifestOptions.derm1m()));

        assertTrue(unbalanced.getMessage().contains(quote + ": line"), unbalanced.getMessage());
        assertTrue(notUtf8.getMessage().contains(latin1 + ": line 2"), notUtf8.getMessage());
    }

    @Test
    void anEmptyFileIsAnErrorNamingTheExpectedColumns() throws IOException {
        Path manifest = write("empty.csv", "");

        ManifestException error = assertThrows(ManifestException.class,
                () -> CsvManifestReader.read(manifest, ManifestOptions.derm1m()));

        assertTrue(error.getMessage().contains("empty.csv"), error.getMessage());
        assertTrue(error.getMessage().contains("'filename'"), error.getMessage());
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        Path manifest = write("bom.csv", "\uFEFFfilename,truncated_caption\na.jpg,cap\n");

        ManifestSource source = CsvManifestReader.read(manifest, ManifestOptions.derm1m());

        assertEquals(new ManifestEntry("a.jpg", "cap"), source.entry(0));
    }

    @Test
    void imagePathsResolveAgainstTheManifestFolderByDefault() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("meta"));
        byte[] png = TestImages.png(1, 4, 4);
        Files.createDirectories(sub.resolve("imgs"));
        Files.write(sub.resolve("imgs/1.png"), png);
        Path manifest = Files.writeString(sub.resolve("m.csv"), "filename,truncated_caption\nimgs/1.png,cap\n");

        ManifestSource source = CsvManifestReader.read(manifest, ManifestOptions.derm1m());

        assertEquals(sub.toAbsolutePath(), source.imageRoot());
        assertArrayEquals(png, firstSample(source).image().read());
    }

    @Test
    void imagePathsResolveAgainstTheImageRootWhenGivenAndAbsolutePathsStayAbsolute() throws IOException {
        Path root = Files.createDirectories(dir.resolve("images"));
        byte[] relative = TestImages.png(1, 4, 4);
        byte[] absolute = TestImages.png(2, 4, 4);
        Files.write(root.resolve("r.png"), relative);
        Path elsewhere = dir.resolve("abs.png");
        Files.write(elsewhere, absolute);
        Path manifest = write("m.csv", "filename,truncated_caption\nr.png,one\n" + elsewhere.toAbsolutePath() + ",two\n");

        ManifestSource source = CsvManifestReader.read(manifest, ManifestOptions.derm1m().withImageRoot(root));

        List<Sample> samples = all(source);
        assertEquals("r.png", samples.get(0).key());
        assertArrayEquals(relative, samples.get(0).image().read());
        assertArrayEquals(absolute, samples.get(1).image().read());
    }

    @Test
    void aBlankImagePathGivesASampleWithoutImage() throws IOException {
        Path manifest = write("m.csv", "filename,truncated_caption\n,orphan caption\n");

        Sample sample = firstSample(CsvManifestReader.read(manifest, ManifestOptions.derm1m()));

        assertEquals("record 1", sample.key());
        assertNull(sample.image());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Sample firstSample(ManifestSource source) throws IOException {
        return all(source).get(0);
    }

    private static List<Sample> all(ManifestSource source) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (SampleStream stream = source.open(0, 0, false, 0)) {
            for (Sample s = stream.next(); s != null; s = stream.next()) {
                samples.add(s);
            }
        }
        return samples;
    }
}
