package io.github.dermlip.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.types.DataType;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.github.dermlip.core.image.ImageDecoder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DJL's Criteria / ZooModel / Predictor path against {@link ZeroShotClassifier} on the same images. */
class ZeroShotCriteriaTest {
    private static final List<String> CLASSES = List.of("melanoma", "nevus", "psoriasis", "eczema");
    private static final List<String> TEMPLATES = List.of("This is a skin image of {}", "The skin lesion depicted is {}.");
    private static final String FIXTURE = ApiFixtures.QUICKGELU_CUSTOMTEXT;

    private static DermLip lip;
    private static ZeroShotClassifier classifier;
    private static List<Path> files;
    private static List<Classifications> expected;

    @BeforeAll
    static void load() throws Exception {
        lip = DermLip.load(ApiFixtures.dir(FIXTURE), ApiFixtures.options());
        classifier = lip.zeroShotClassifier(CLASSES, TEMPLATES);
        files = ApiFixtures.images(FIXTURE);
        expected = classifier.classify(files);
    }

    @AfterAll
    static void close() {
        lip.close();
    }

    @Test
    void predictorGivesTheClassifiersProbabilitiesAndKeepsTheLoadedWeights() throws Exception {
        Criteria<Image, Classifications> criteria = DermLipCriteria.builder(lip, classifier)
                .optModelPath(ApiFixtures.dir(FIXTURE)).build();
        try (ZooModel<Image, Classifications> model = criteria.loadModel();
             Predictor<Image, Classifications> predictor = model.newPredictor()) {
            List<Image> images = decodedImages();
            double maxError = 0;
            for (int i = 0; i < files.size(); i++) {
                maxError = Math.max(maxError, maxDifference(expected.get(i), predictor.predict(images.get(i))));
            }
            List<Classifications> batch = predictor.batchPredict(images);
            for (int i = 0; i < files.size(); i++) {
                maxError = Math.max(maxError, maxDifference(expected.get(i), batch.get(i)));
            }
            System.out.printf("ZeroShotTranslator vs ZeroShotClassifier: max log-probability difference %.3g%n", maxError);
            assertTrue(maxError <= 1e-3, "difference " + maxError);

            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3, 40, 40));
            assertTrue(maxDifference(expected.get(0), predictor.predict(images.get(0))) <= 1e-3,
                    "initializing the block again keeps the loaded weights");
        }
        assertEquals(6, lip.encodeImages(files, true).length, "closing the DJL model leaves the caller's DermLip open");
    }

    @Test
    void imagesFromImageIoFilesGiveCloseProbabilities() throws Exception {
        Criteria<Image, Classifications> criteria = DermLipCriteria.builder(lip, classifier)
                .optModelPath(ApiFixtures.dir(FIXTURE)).build();
        try (ZooModel<Image, Classifications> model = criteria.loadModel();
             Predictor<Image, Classifications> predictor = model.newPredictor()) {
            double maxError = 0;
            for (int i = 0; i < files.size(); i++) {
                Classifications got = predictor.predict(ImageFactory.getInstance().fromFile(files.get(i)));
                maxError = Math.max(maxError, maxDifference(expected.get(i), got));
            }
            System.out.printf("ImageFactory.fromFile vs Pillow-exact decoding: max log-probability difference %.3g%n",
                    maxError);
            assertTrue(maxError <= 0.05, "difference " + maxError);
        }
    }

    @Test
    void imagesOfOtherFactoriesAreConvertedThroughTheirPixels() throws Exception {
        Path rgb = files.get(0);
        Image buffered = ImageFactory.getInstance().fromImage(ImageDecoder.decode(rgb));
        Image foreign = (Image) Proxy.newProxyInstance(Image.class.getClassLoader(), new Class<?>[] {Image.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getWrappedImage")) {
                        return "not a BufferedImage";
                    }
                    try {
                        return method.invoke(buffered, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (ZooModel<Image, Classifications> model = DermLipCriteria.builder(lip, classifier)
                .optModelPath(ApiFixtures.dir(FIXTURE)).build().loadModel();
             Predictor<Image, Classifications> predictor = model.newPredictor()) {
            assertTrue(maxDifference(expected.get(0), predictor.predict(foreign)) <= 1e-3);
        }
    }

    @Test
    void hubCriteriaHandTheirWeightsToTheModelLoadedFromThem() throws Exception {
        Criteria<Image, Classifications> criteria = DermLipCriteria.zeroShot(ApiFixtures.dir(FIXTURE), CLASSES,
                TEMPLATES, ApiFixtures.options());
        ZeroShotBlock block;
        try (ZooModel<Image, Classifications> model = criteria.loadModel();
             Predictor<Image, Classifications> predictor = model.newPredictor()) {
            block = (ZeroShotBlock) model.getBlock();
            assertSame(block, criteria.getBlock());
            List<Classifications> got = predictor.batchPredict(decodedImages());
            for (int i = 0; i < files.size(); i++) {
                assertTrue(maxDifference(expected.get(i), got.get(i)) <= 1e-3, "image " + i);
            }
            IllegalStateException again = assertThrows(IllegalStateException.class, criteria::loadModel);
            assertTrue(again.getMessage().contains("already loaded"), again.getMessage());
        }
        assertTrue(block.getParameters().get("class_weights").getArray().isReleased(),
                "closing the model frees the weights it was handed");
    }

    private static List<Image> decodedImages() throws Exception {
        List<Image> images = new ArrayList<>();
        for (Path f : files) {
            images.add(ImageFactory.getInstance().fromImage(ImageDecoder.decode(f)));
        }
        return images;
    }

    /**
     * Largest difference of log-probabilities (the classes' logits up to a shared constant): the untrained fixture
     * gives peaked distributions, whose small probabilities a plain difference would not check.
     */
    private static double maxDifference(Classifications expected, Classifications actual) {
        assertEquals(expected.getClassNames(), actual.getClassNames());
        double max = 0;
        for (int c = 0; c < expected.getProbabilities().size(); c++) {
            max = Math.max(max, Math.abs(Math.log(expected.getProbabilities().get(c))
                    - Math.log(actual.getProbabilities().get(c))));
        }
        return max;
    }
}
