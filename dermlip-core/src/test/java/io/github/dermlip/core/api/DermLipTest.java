package io.github.dermlip.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.image.ImageDecodeException;
import io.github.dermlip.core.image.ImageDecoder;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipHub;
import io.github.dermlip.core.tokenizer.BpeVocabulary;
import io.github.dermlip.core.tokenizer.ClipBpeTokenizer;
import io.github.dermlip.core.tokenizer.VocabularyException;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DermLipTest {
    private static final double TEXT_TOLERANCE = 1e-4;
    private static final double MIN_IMAGE_COSINE = 0.9999;

    static Stream<Arguments> fixturesAndWeightFiles() {
        return Stream.of(ApiFixtures.GELU, ApiFixtures.QUICKGELU_CUSTOMTEXT).flatMap(fixture -> Stream.of(
                Arguments.of(fixture, OpenClipHub.SAFETENSORS_FILE), Arguments.of(fixture, OpenClipHub.PYTORCH_FILE)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("fixturesAndWeightFiles")
    void embeddingsMatchOpenClipInSeveralBatches(String fixture, String weightsFile, @TempDir Path tmp) throws Exception {
        Path hub = hubWith(fixture, weightsFile, tmp);
        try (DermLip lip = DermLip.load(hub, ApiFixtures.options().withBatchSize(4).withPreprocessThreads(2))) {
            float[][] texts = lip.encodeTexts(ApiFixtures.captions(fixture), false);
            float[][] images = lip.encodeImages(ApiFixtures.images(fixture), false);

            double textError = ApiFixtures.maxAbsDiff(texts, SharedFixtures.expectedRows(fixture, "text_embeds"));
            float[][] expectedImages = SharedFixtures.expectedRows(fixture, "image_embeds");
            assertEquals(expectedImages.length, images.length);
            double minCosine = 1;
            for (int i = 0; i < images.length; i++) {
                minCosine = Math.min(minCosine, SharedFixtures.cosine(images[i], expectedImages[i]));
            }
            System.out.printf("DermLip %s (%s): text max abs error %.3g, image 1 - min cosine %.3g, image max abs"
                    + " error %.3g%n", fixture, weightsFile, textError, 1 - minCosine,
                    ApiFixtures.maxAbsDiff(images, expectedImages));
            assertTrue(textError <= TEXT_TOLERANCE, "text error " + textError);
            assertTrue(minCosine >= MIN_IMAGE_COSINE, "image cosine " + minCosine);
        }
    }

    @Test
    void normalizedRowsAreUnitAndParallelAndDecodedImagesGiveTheSameRows() throws Exception {
        List<Path> files = ApiFixtures.images(ApiFixtures.GELU);
        List<int[]> reports = new ArrayList<>();
        try (DermLip lip = DermLip.load(ApiFixtures.dir(ApiFixtures.GELU), ApiFixtures.options().withBatchSize(4))) {
            float[][] raw = lip.encodeImages(files, false, (done, total) -> reports.add(new int[] {done, total}));
            float[][] unit = lip.encodeImages(files, true);
            List<BufferedImage> decoded = new ArrayList<>();
            for (Path f : files) {
                decoded.add(ImageDecoder.decode(f));
            }
            float[][] fromImages = lip.encodeImageList(decoded, false);

            assertEquals(List.of(List.of(4, 6), List.of(6, 6)),
                    reports.stream().map(r -> List.of(r[0], r[1])).toList());
            for (int i = 0; i < files.size(); i++) {
                assertArrayEquals(raw[i], fromImages[i], "image " + i);
                double norm = 0;
                for (float v : unit[i]) {
                    norm += v * v;
                }
                assertEquals(1.0, Math.sqrt(norm), 1e-6);
                assertEquals(1.0, SharedFixtures.cosine(raw[i], unit[i]), 1e-6);
            }
            assertEquals(0, lip.encodeTexts(List.of(), true).length);
            assertEquals(0, lip.encodeImages(List.of(), true).length);
        }
    }

    @Test
    void concurrentCallsGiveTheSameRowsAsOneCall() throws Exception {
        List<String> captions = ApiFixtures.captions(ApiFixtures.QUICKGELU_CUSTOMTEXT);
        List<Path> files = ApiFixtures.images(ApiFixtures.QUICKGELU_CUSTOMTEXT);
        try (DermLip lip = DermLip.load(ApiFixtures.dir(ApiFixtures.QUICKGELU_CUSTOMTEXT),
                ApiFixtures.options().withBatchSize(3))) {
            float[][] texts = lip.encodeTexts(captions, false);
            float[][] images = lip.encodeImages(files, false);
            List<CompletableFuture<float[][]>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> lip.encodeTexts(captions, false)));
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return lip.encodeImages(files, false);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (int i = 0; i < runs.size(); i++) {
                float[][] expected = i % 2 == 0 ? texts : images;
                float[][] actual = runs.get(i).get();
                for (int r = 0; r < expected.length; r++) {
                    assertArrayEquals(expected[r], actual[r], 1e-6f, "run " + i + " row " + r);
                }
            }
        }
    }

    @Test
    void fromModelWrapsAModelWithoutTakingItOver() throws Exception {
        Path hub = ApiFixtures.dir(ApiFixtures.GELU);
        List<String> captions = ApiFixtures.captions(ApiFixtures.GELU);
        float[][] expected;
        try (DermLip loaded = DermLip.load(hub, ApiFixtures.options())) {
            expected = loaded.encodeTexts(captions, true);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = OpenClipHub.load(hub, manager);
            ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(BpeVocabulary.load(SharedFixtures.bpeVocab()), 77);
            DermLip wrapped = DermLip.fromModel(model, OpenClipHub.readConfig(hub), tokenizer, manager);
            float[][] first = wrapped.encodeTexts(captions, true);
            wrapped.close();
            assertThrows(IllegalStateException.class, () -> wrapped.encodeTexts(captions, true));
            assertTrue(manager.isOpen());
            DermLip again = DermLip.fromModel(model, OpenClipHub.readConfig(hub), tokenizer, manager);
            float[][] second = again.encodeTexts(captions, true);
            again.close();
            for (int r = 0; r < expected.length; r++) {
                assertArrayEquals(expected[r], first[r], 1e-6f);
                assertArrayEquals(first[r], second[r]);
            }
        }
    }

    @Test
    void missingWeightsNameTheDirectoryAndBothFiles(@TempDir Path tmp) throws Exception {
        Files.copy(ApiFixtures.dir(ApiFixtures.GELU).resolve(OpenClipHub.CONFIG_FILE), tmp.resolve(OpenClipHub.CONFIG_FILE));
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> DermLip.load(tmp, ApiFixtures.options()));
        assertTrue(e.getMessage().contains(tmp.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(OpenClipHub.SAFETENSORS_FILE), e.getMessage());
        assertTrue(e.getMessage().contains(OpenClipHub.PYTORCH_FILE), e.getMessage());

        Path missing = tmp.resolve("no-such-dir");
        FileNotFoundException dir = assertThrows(FileNotFoundException.class, () -> DermLip.load(missing));
        assertTrue(dir.getMessage().contains(missing.toString()) && dir.getMessage().contains(OpenClipHub.CONFIG_FILE),
                dir.getMessage());

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        ConfigException config = assertThrows(ConfigException.class, () -> DermLip.load(empty));
        assertTrue(config.getMessage().contains(OpenClipHub.CONFIG_FILE), config.getMessage());
    }

    @Test
    void missingVocabularyNamesTheFileAndWhereToGetIt(@TempDir Path tmp) {
        Path vocab = tmp.resolve("bpe_simple_vocab_16e6.txt.gz");
        VocabularyException e = assertThrows(VocabularyException.class,
                () -> DermLip.load(ApiFixtures.dir(ApiFixtures.GELU), DermLipOptions.defaults().withVocabulary(vocab)));
        assertTrue(e.getMessage().contains(vocab.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
    }

    @Test
    void hfTokenizerNameWithoutLocalTokenizerJsonIsRefusedByName(@TempDir Path tmp) throws Exception {
        Path fixture = ApiFixtures.dir(ApiFixtures.GELU);
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(fixture.resolve(OpenClipHub.CONFIG_FILE).toFile());
        ((ObjectNode) config.get("model_cfg").get("text_cfg")).put("hf_tokenizer_name", "example/tokenizer");
        json.writeValue(tmp.resolve(OpenClipHub.CONFIG_FILE).toFile(), config);
        Files.copy(fixture.resolve(OpenClipHub.SAFETENSORS_FILE), tmp.resolve(OpenClipHub.SAFETENSORS_FILE));

        VocabularyException e = assertThrows(VocabularyException.class, () -> DermLip.load(tmp, ApiFixtures.options()));
        assertTrue(e.getMessage().contains("example/tokenizer") && e.getMessage().contains("tokenizer.json"),
                e.getMessage());
    }

    @Test
    void anUndecodableImageIsReportedByName(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("broken.png"), "not an image");
        List<Path> files = new ArrayList<>(ApiFixtures.images(ApiFixtures.GELU));
        files.add(3, bad);
        try (DermLip lip = DermLip.load(ApiFixtures.dir(ApiFixtures.GELU), ApiFixtures.options().withBatchSize(2))) {
            ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> lip.encodeImages(files, false));
            assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
            assertEquals(6, lip.encodeImages(ApiFixtures.images(ApiFixtures.GELU), false).length, "usable afterwards");
        }
    }

    /** The fixture itself, or a copy holding only its config and {@code .bin} so that the .bin is loaded. */
    private static Path hubWith(String fixture, String weightsFile, Path tmp) throws Exception {
        Path dir = ApiFixtures.dir(fixture);
        if (weightsFile.equals(OpenClipHub.SAFETENSORS_FILE)) {
            return dir;
        }
        Files.copy(dir.resolve(OpenClipHub.CONFIG_FILE), tmp.resolve(OpenClipHub.CONFIG_FILE));
        Files.copy(dir.resolve(weightsFile), tmp.resolve(weightsFile));
        assertEquals(tmp.resolve(weightsFile), OpenClipHub.weightsFile(tmp));
        return tmp;
    }
}
