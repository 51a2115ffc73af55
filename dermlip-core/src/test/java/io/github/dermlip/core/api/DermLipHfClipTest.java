package io.github.dermlip.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.ZooModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.image.ClipImageProcessor;
import io.github.dermlip.core.image.ImageDecoder;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.model.OpenClipHub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DermLip#load} on a Hugging Face CLIPModel folder: files in, transformers' embeddings out. */
class DermLipHfClipTest {
    private static final double TOLERANCE = 1e-4;
    private static final List<String> CLASSES = List.of("melanoma", "nevus", "basal cell carcinoma");
    private static final List<String> TEMPLATES = List.of("{}");

    static Path folder() {
        return SharedFixtures.fixture("hf-clip/tiny-hf-clip-quickgelu");
    }

    static List<Path> images() throws IOException {
        JsonNode json = new ObjectMapper().readTree(folder().resolve("expected.json").toFile());
        List<Path> files = new ArrayList<>();
        json.get("images").forEach(name -> files.add(folder().resolve("images").resolve(name.asText())));
        return files;
    }

    @Test
    void filesAndCaptionsGiveTransformersEmbeddings() throws IOException {
        List<String> captions = Files.readAllLines(folder().resolve("captions.txt"), StandardCharsets.UTF_8);
        try (DermLip lip = DermLip.load(folder())) {
            assertInstanceOf(ClipImageProcessor.class, lip.transform());
            assertArrayEquals(StateDict.read(folder().resolve("expected.safetensors")).get("input_ids").longs(),
                    lip.tokenizer().encode(captions).flatIds());
            double imageError = ApiFixtures.maxAbsDiff(lip.encodeImages(images(), false),
                    SharedFixtures.expectedRows(folder(), "image_embeds"));
            double textError = ApiFixtures.maxAbsDiff(lip.encodeTexts(captions, false),
                    SharedFixtures.expectedRows(folder(), "text_embeds"));
            System.out.printf("DermLip.load(hf-clip/tiny-hf-clip-quickgelu): image files -> image_embeds %.3g,"
                    + " captions -> text_embeds %.3g%n", imageError, textError);
            assertTrue(imageError <= TOLERANCE, "image_embeds error " + imageError);
            assertTrue(textError <= TOLERANCE, "text_embeds error " + textError);
        }
    }

    /** Zero-shot probabilities are the softmax of 100 x cosine between transformers' image and class embeddings. */
    @Test
    void zeroShotClassifierAndCriteriaAgreeWithTransformersEmbeddings() throws Exception {
        float[][] imageRows = SharedFixtures.expectedRows(folder(), "image_embeds");
        float[][] expected = new float[imageRows.length][];
        try (DermLip lip = DermLip.load(folder())) {
            float[][] classRows = lip.encodeTexts(CLASSES, false);
            for (int i = 0; i < imageRows.length; i++) {
                expected[i] = softmaxOfScaledCosines(imageRows[i], classRows);
            }
            ZeroShotClassifier classifier = lip.zeroShotClassifier(CLASSES, TEMPLATES);
            assertTrue(ApiFixtures.maxAbsDiff(classifier.probabilities(lip.encodeImages(images(), true)), expected)
                    <= 1e-3);
        }
        try (ZooModel<ai.djl.modality.cv.Image, Classifications> model =
                     DermLipCriteria.zeroShot(folder(), CLASSES, TEMPLATES).loadModel();
             Predictor<ai.djl.modality.cv.Image, Classifications> predictor = model.newPredictor()) {
            List<Path> files = images();
            for (int i = 0; i < files.size(); i++) {
                Classifications got = predictor.predict(
                        ImageFactory.getInstance().fromImage(ImageDecoder.decode(files.get(i))));
                for (int c = 0; c < CLASSES.size(); c++) {
                    assertEquals(expected[i][c], got.get(CLASSES.get(c)).getProbability(), 1e-3, "image " + i);
                }
            }
        }
    }

    /** What training writes from such a model: open_clip's layout, which then loads as an open_clip folder. */
    @Test
    void savedInOpenClipLayoutItLoadsAsAnOpenClipFolder(@TempDir Path out) throws IOException {
        float[][] embeddings;
        try (DermLip lip = DermLip.load(folder())) {
            OpenClipHub.save(lip.model(), lip.config(), out);
            embeddings = lip.encodeImages(images(), false);
        }
        assertEquals(ModelFolder.Format.OPEN_CLIP, ModelFolder.format(out));
        try (DermLip reloaded = DermLip.load(out, DermLipOptions.defaults().withVocabulary(SharedFixtures.bpeVocab()))) {
            float[][] again = reloaded.encodeImages(images(), false);
            for (int i : new int[] {0, 1, 4}) {
                assertArrayEquals(embeddings[i], again[i], "image " + i + ": open_clip's transform gives the same pixels");
            }
            assertTrue(ApiFixtures.maxAbsDiff(new float[][] {embeddings[2]}, new float[][] {again[2]}) > 1e-3,
                    "the RGBA image: open_clip resizes before dropping alpha, CLIPImageProcessor after");
        }
    }

    @Test
    void aConfigJsonOfAnotherModelIsRefusedByField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"bert\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> DermLip.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("config.json") + ": field 'model_type'"), e.getMessage());
    }

    private static float[] softmaxOfScaledCosines(float[] image, float[][] classes) {
        float[] logits = new float[classes.length];
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes.length; c++) {
            logits[c] = (float) (ZeroShotClassifier.LOGIT_SCALE * SharedFixtures.cosine(image, classes[c]));
            max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes.length; c++) {
            sum += Math.exp(logits[c] - max);
        }
        float[] p = new float[classes.length];
        for (int c = 0; c < classes.length; c++) {
            p[c] = (float) (Math.exp(logits[c] - max) / sum);
        }
        return p;
    }
}
