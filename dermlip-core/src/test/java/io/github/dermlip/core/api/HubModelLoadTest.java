package io.github.dermlip.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.inference.Predictor;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.hub.FakeHub;
import io.github.dermlip.core.hub.HubException;
import io.github.dermlip.core.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a model by hub reference from {@link FakeHub}: parity, the cache layout, DJL's URL form, registry names. */
class HubModelLoadTest {
    private static final String REPO = "test/tiny";
    private static final List<String> CLASSES = List.of("melanoma", "nevus");
    private static final List<String> TEMPLATES = List.of("a photo of {}");

    @TempDir
    Path cacheRoot;

    private FakeHub hub;
    private Path fixture;

    @BeforeEach
    void startHub() throws Exception {
        fixture = SharedFixtures.openClipModel(ApiFixtures.GELU);
        hub = FakeHub.start().withRepo(REPO, fixture, "open_clip_config.json", "open_clip_model.safetensors",
                "open_clip_pytorch_model.bin").asDefault(cacheRoot);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void loadsWithParityIntoHuggingFaceHubsLayoutAndThenAsksNothing() throws Exception {
        try (DermLip lip = DermLip.load("hf-hub:" + REPO + "@main", ApiFixtures.options())) {
            float[][] texts = lip.encodeTexts(ApiFixtures.captions(ApiFixtures.GELU), false);
            assertTrue(ApiFixtures.maxAbsDiff(texts, SharedFixtures.expectedRows(ApiFixtures.GELU, "text_embeds")) <= 1e-4);
            float[][] images = lip.encodeImages(ApiFixtures.images(ApiFixtures.GELU), false);
            float[][] expected = SharedFixtures.expectedRows(ApiFixtures.GELU, "image_embeds");
            for (int i = 0; i < images.length; i++) {
                assertTrue(SharedFixtures.cosine(images[i], expected[i]) >= 0.9999, "image " + i);
            }
        }
        String commit = FakeHub.commit(REPO);
        Path repo = cacheRoot.resolve("models--test--tiny");
        Path snapshot = repo.resolve("snapshots").resolve(commit);
        assertEquals(commit, Files.readString(repo.resolve("refs/main")));
        String weightsSha = Sha256.of(fixture.resolve("open_clip_model.safetensors"));
        assertEquals(Path.of("../../blobs/" + weightsSha),
                Files.readSymbolicLink(snapshot.resolve("open_clip_model.safetensors")));
        byte[] config = Files.readAllBytes(fixture.resolve("open_clip_config.json"));
        assertEquals(Path.of("../../blobs/" + FakeHub.gitBlobId(config)),
                Files.readSymbolicLink(snapshot.resolve("open_clip_config.json")));
        assertFalse(Files.exists(snapshot.resolve("open_clip_pytorch_model.bin")), "one weights file only");
        assertTrue(Files.exists(repo.resolve(".no_exist").resolve(commit).resolve("tokenizer.json")));

        int before = hub.requests().size();
        try (DermLip again = DermLip.load("hf-hub:" + REPO, ApiFixtures.options())) {
            assertEquals(64, again.embeddingDimension());
        }
        assertEquals(before, hub.requests().size(), "the second load makes no request");
    }

    @Test
    void djlModelUrlsResolveThroughTheHubRepositoryFactory() throws Exception {
        try (DermLip lip = DermLip.load(fixture, ApiFixtures.options())) {
            ZeroShotClassifier classifier = lip.zeroShotClassifier(CLASSES, TEMPLATES);
            Image image = ImageFactory.getInstance().fromFile(ApiFixtures.images(ApiFixtures.GELU).get(0));
            try (ZooModel<Image, Classifications> model = DermLipCriteria.builder(lip, classifier)
                    .optModelUrls("hf-hub://" + REPO).build().loadModel();
                 Predictor<Image, Classifications> predictor = model.newPredictor()) {
                assertEquals(CLASSES.size(), predictor.predict(image).items().size());
                assertTrue(model.getModelPath().startsWith(cacheRoot.resolve("models--test--tiny/snapshots")),
                        model.getModelPath().toString());
            }
        }
    }

    @Test
    void aRegistryNameOnlyReadsTheCacheWhileDjlIsOffline() {
        assertEquals("true", System.getProperty("ai.djl.offline"), "the build runs DJL offline");
        HubException e = assertThrows(HubException.class, () -> DermLip.load("DermLIP_ViT-B-16"));
        assertTrue(e.getMessage().contains("hf-hub:redlessone/DermLIP_ViT-B-16@main")
                && e.getMessage().contains("offline"), e.getMessage());
        assertEquals(List.of(), hub.requests());
    }
}
