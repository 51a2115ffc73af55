package io.github.dermlip.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.dermlip.synth.lesion.Concept;
import io.github.dermlip.synth.lesion.Diagnosis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small dataset written to disk has the promised files, columns, counts and labels, reproducibly. */
class SkinSynthWriterTest {

    private static final SkinSynthOptions OPTIONS = new SkinSynthOptions(4242, 32, 96, 16, 8, 24, 12, 2);
    private static final List<String> CLASSES = Arrays.stream(Diagnosis.values()).map(Diagnosis::label).toList();

    @TempDir
    static Path temp;
    private static Path root;

    @BeforeAll
    static void writeDataset() throws IOException {
        root = temp.resolve("dataset");
        SkinSynthResult result = new SkinSynthWriter(OPTIONS).write(root);
        assertEquals(96 + 16 + 8 + 24 + 12, result.imageCount());
        assertEquals(CLASSES, result.classes());
    }

    @Test
    void sameSeedGivesTheSameBytesWhateverTheThreadCount() throws IOException {
        Path again = temp.resolve("again");
        new SkinSynthWriter(OPTIONS.withThreads(1)).write(again);
        Map<String, String> first = hashes(root);
        assertEquals(first, hashes(again));
        assertEquals(96 + 16 + 8 + 24 + 12 + 9, first.size(), "images plus nine metadata files");
    }

    @Test
    void anotherSeedGivesOtherImagesAndCaptions() throws IOException {
        Path other = temp.resolve("other-seed");
        new SkinSynthWriter(OPTIONS.withSeed(4243)).write(other);
        Map<String, String> a = hashes(root);
        Map<String, String> b = hashes(other);
        assertEquals(a.keySet(), b.keySet());
        long sameImages = a.keySet().stream().filter(k -> k.endsWith(".png") && a.get(k).equals(b.get(k))).count();
        assertEquals(0, sameImages);
        assertNotEquals(a.get("pretrain.csv"), b.get("pretrain.csv"));
    }

    @Test
    void pretrainCsvHasDerm1mColumnsAndTrueLabels() throws IOException {
        List<Map<String, String>> rows = readCsv(root.resolve(DatasetLayout.PRETRAIN_CSV));
        assertEquals(96, rows.size());
        assertEquals(List.of("filename", "truncated_caption", "disease_label", "skin_concept", "skin_tone", "split",
                "modality", "caption_style", "disease_category", "malignancy"), header(DatasetLayout.PRETRAIN_CSV));
        SkinSynthGenerator generator = new SkinSynthGenerator(OPTIONS.seed(), OPTIONS.imageSize());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            GeneratedSample expected = generator.describe(DatasetSplit.PRETRAIN, i);
            assertEquals(expected.imagePath(), row.get("filename"));
            assertEquals(expected.caption().text(), row.get("truncated_caption"));
            assertEquals(expected.sample().diagnosis().label(), row.get("disease_label"));
            assertEquals(expected.sample().tone().label(), row.get("skin_tone"));
            Set<String> concepts = row.get("skin_concept").isEmpty() ? Set.of()
                    : Arrays.stream(row.get("skin_concept").split(",")).map(String::trim).collect(Collectors.toSet());
            Set<String> drawn = expected.sample().attributes().concepts().stream().map(Concept::columnName)
                    .collect(Collectors.toSet());
            assertEquals(drawn, concepts, "skin_concept of " + row.get("filename"));
            assertImage(row.get("filename"));
        }
    }

    @Test
    void evalSplitsAreBalancedLabelledAndDisjointFromPretraining() throws IOException {
        Set<String> pretrainPixels = new HashSet<>();
        for (Map<String, String> row : readCsv(root.resolve(DatasetLayout.PRETRAIN_CSV))) {
            pretrainPixels.add(pixelHash(row.get("filename")));
        }
        Map<String, Integer> sizes = Map.of(DatasetLayout.EVAL_TRAIN_CSV, 16, DatasetLayout.EVAL_VAL_CSV, 8,
                DatasetLayout.EVAL_TEST_CSV, 24);
        Map<String, String> roles = Map.of(DatasetLayout.EVAL_TRAIN_CSV, "train", DatasetLayout.EVAL_VAL_CSV, "val",
                DatasetLayout.EVAL_TEST_CSV, "test");
        Set<String> seenPaths = new HashSet<>();
        for (String csv : sizes.keySet()) {
            assertEquals(List.of("image_path", "label", "split", "skin_tone", "modality"), header(csv));
            List<Map<String, String>> rows = readCsv(root.resolve(csv));
            assertEquals(sizes.get(csv), rows.size(), csv);
            Map<String, Integer> perClass = new TreeMap<>();
            for (Map<String, String> row : rows) {
                assertTrue(CLASSES.contains(row.get("label")), row.toString());
                assertEquals(roles.get(csv), row.get("split"));
                assertTrue(row.get("skin_tone").matches("I|II|III|IV|V|VI"), row.toString());
                assertTrue(seenPaths.add(row.get("image_path")), "image used twice: " + row.get("image_path"));
                assertFalse(pretrainPixels.contains(pixelHash(row.get("image_path"))),
                        "eval image duplicates a pretraining image: " + row.get("image_path"));
                perClass.merge(row.get("label"), 1, Integer::sum);
            }
            assertEquals(CLASSES.size(), perClass.size(), "every class in " + csv);
            int per = sizes.get(csv) / CLASSES.size();
            perClass.values().forEach(n -> assertEquals(per, n, "balanced " + csv + " " + perClass));
        }
    }

    @Test
    void retrievalPairsAreClinicalCaptionsOfHeldOutImages() throws IOException {
        assertEquals(List.of("image_path", "caption", "label", "skin_tone", "modality"),
                header(DatasetLayout.RETRIEVAL_CSV));
        List<Map<String, String>> rows = readCsv(root.resolve(DatasetLayout.RETRIEVAL_CSV));
        assertEquals(12, rows.size());
        Set<String> captions = new HashSet<>();
        for (Map<String, String> row : rows) {
            assertTrue(row.get("image_path").startsWith("images/retrieval/"), row.toString());
            assertTrue(row.get("caption").contains(" with "), "clinical description expected: " + row);
            captions.add(row.get("caption"));
            assertImage(row.get("image_path"));
        }
        assertEquals(rows.size(), captions.size(), "retrieval captions must be distinct");
    }

    @Test
    void conceptTableMatchesTheDrawnAttributes() throws IOException {
        List<String> expectedHeader = new ArrayList<>();
        expectedHeader.add("ImageID");
        Arrays.stream(Concept.values()).map(Concept::columnName).forEach(expectedHeader::add);
        expectedHeader.add("Do not consider this image");
        assertEquals(expectedHeader, header(DatasetLayout.CONCEPTS_CSV));
        assertTrue(expectedHeader.containsAll(List.of("Brown(Hyperpigmentation)", "White(Hypopigmentation)",
                "Erythema", "Scale", "Crust", "Telangiectasia")));
        List<Map<String, String>> rows = readCsv(root.resolve(DatasetLayout.CONCEPTS_CSV));
        SkinSynthGenerator generator = new SkinSynthGenerator(OPTIONS.seed(), OPTIONS.imageSize());
        assertEquals(24, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            GeneratedSample sample = generator.describe(DatasetSplit.EVAL_TEST, i);
            Map<String, String> row = rows.get(i);
            assertEquals(sample.imagePath(), row.get("ImageID"));
            assertEquals("0", row.get("Do not consider this image"));
            for (Concept c : Concept.values()) {
                String value = row.get(c.columnName());
                assertTrue(value.equals("0") || value.equals("1"), c + " = " + value);
                assertEquals(c.isPresentIn(sample.sample().attributes()), value.equals("1"), c + " of " + row);
            }
        }
    }

    @Test
    void conceptTermsClassesAndProvenanceAreWritten() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode terms = json.readTree(root.resolve(DatasetLayout.CONCEPT_TERMS_JSON).toFile());
        for (Concept c : Concept.values()) {
            List<String> listed = new ArrayList<>();
            terms.get(c.columnName()).forEach(t -> listed.add(t.asText()));
            assertEquals(c.terms(), listed);
        }
        assertEquals(CLASSES, Files.readAllLines(root.resolve(DatasetLayout.CLASSES_TXT)));
        JsonNode dataset = json.readTree(root.resolve(DatasetLayout.DATASET_JSON).toFile());
        assertEquals(SkinSynthWriter.VERSION, dataset.get("generator_version").asText());
        assertEquals(4242, dataset.get("seed").asLong());
        assertEquals(32, dataset.get("image_size").asInt());
        assertEquals(96, dataset.get("sizes").get("pretrain").asInt());
        assertEquals(12, dataset.get("sizes").get("retrieval").asInt());
        List<String> classes = new ArrayList<>();
        dataset.get("classes").forEach(c -> classes.add(c.asText()));
        assertEquals(CLASSES, classes);
        assertEquals(1.0 / 8, dataset.get("chance_levels").get("classification_uniform_guess").asDouble(), 1e-12);
        assertEquals(1.0 / 12, dataset.get("chance_levels").get("retrieval_recall_at_1").asDouble(), 1e-12);
        assertEquals(3, dataset.get("label_counts").get("eval_test").get("melanoma").asInt());
        assertEquals("malignant", dataset.get("ontology").get("basal cell carcinoma").get("malignancy").asText());
    }

    @Test
    void refusesANonEmptyFolder() throws IOException {
        Path busy = temp.resolve("busy");
        Files.createDirectories(busy);
        Files.writeString(busy.resolve("keep.txt"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SkinSynthWriter(OPTIONS).write(busy));
        assertTrue(e.getMessage().contains(busy.toString()), e.getMessage());
    }

    private static void assertImage(String relative) throws IOException {
        BufferedImage image = ImageIO.read(root.resolve(relative).toFile());
        assertEquals(32, image.getWidth(), relative);
        assertEquals(32, image.getHeight(), relative);
    }

    private static String pixelHash(String relative) throws IOException {
        BufferedImage image = ImageIO.read(root.resolve(relative).toFile());
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        ByteBuffer bytes = ByteBuffer.allocate(4 * rgb.length);
        bytes.asIntBuffer().put(rgb);
        return sha256(bytes.array());
    }

    private static List<String> header(String csv) throws IOException {
        String first = Files.readAllLines(root.resolve(csv)).get(0);
        return new CsvMapper().readerForListOf(String.class).with(CsvSchema.emptySchema())
                .<List<String>>readValue(first);
    }

    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return it.readAll();
        }
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.put(dir.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
