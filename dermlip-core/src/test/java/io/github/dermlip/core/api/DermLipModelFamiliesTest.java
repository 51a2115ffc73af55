package io.github.dermlip.core.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.image.ImageDecoder;
import java.nio.file.Path;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.io.TensorData;
import io.github.dermlip.core.model.BertTextTower;
import io.github.dermlip.core.model.PanDermVisionTower;
import io.github.dermlip.core.model.TimmVisionTower;
import io.github.dermlip.core.tokenizer.TokenizedBatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DermLip#load} on the open_clip fixtures with a Hugging Face BERT text tower and a PanDerm or timm image
 * tower: the tokenizer that the config names gives open_clip's ids and masks, and the embeddings of the image files
 * and captions (decoding, preprocessing and tokenizing included) match open_clip's.
 */
class DermLipModelFamiliesTest {
    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"tiny-panderm-bert-mean", "tiny-timm-vit-bert-cls"})
    void zeroShotCriteriaGiveTheClassifiersProbabilities(String fixture) throws Exception {
        List<String> classes = List.of("melanoma", "nevus", "psoriasis");
        List<String> templates = List.of("a skin image of {}");
        List<Path> files = ApiFixtures.images(fixture);
        List<Classifications> expected;
        try (DermLip lip = DermLip.load(ApiFixtures.dir(fixture))) {
            expected = lip.zeroShotClassifier(classes, templates).classify(files);
        }
        Criteria<Image, Classifications> criteria = DermLipCriteria.zeroShot(ApiFixtures.dir(fixture), classes, templates);
        try (ZooModel<Image, Classifications> model = criteria.loadModel();
             Predictor<Image, Classifications> predictor = model.newPredictor()) {
            for (int i = 0; i < files.size(); i++) {
                Image image = ImageFactory.getInstance().fromImage(ImageDecoder.decode(files.get(i)));
                Classifications got = predictor.predict(image);
                for (String c : classes) {
                    assertEquals(expected.get(i).get(c).getProbability(), got.get(c).getProbability(), 1e-4, c);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-panderm-bert-mean", "tiny-timm-vit-bert-cls", "tiny-timm-vit-bert-pooler"})
    void tokensAndEmbeddingsMatchOpenClip(String fixture) throws Exception {
        Map<String, TensorData> expected = StateDict.read(ApiFixtures.dir(fixture).resolve("expected.safetensors")).asMap();
        List<String> captions = ApiFixtures.captions(fixture);
        assertEquals(8, captions.size());
        try (DermLip lip = DermLip.load(ApiFixtures.dir(fixture))) {
            assertTrue(lip.model().text() instanceof BertTextTower);
            Class<?> imageTower = fixture.contains("panderm") ? PanDermVisionTower.class : TimmVisionTower.class;
            assertTrue(imageTower.isInstance(lip.model().vision()), lip.model().vision().getClass().getName());
            TokenizedBatch tokens = lip.tokenizer().encode(captions);
            assertArrayEquals(expected.get("input_ids").longs(), tokens.flatIds(), "input_ids");
            assertArrayEquals(expected.get("attention_mask").longs(), tokens.flatAttentionMask(), "attention_mask");

            double image = ApiFixtures.maxAbsDiff(lip.encodeImages(ApiFixtures.images(fixture), false),
                    SharedFixtures.expectedRows(fixture, "image_embeds"));
            double text = ApiFixtures.maxAbsDiff(lip.encodeTexts(captions, false),
                    SharedFixtures.expectedRows(fixture, "text_embeds"));
            System.out.printf("%s through DermLip: max abs error image_embeds %.3g, text_embeds %.3g%n", fixture, image, text);
            assertTrue(image <= TOLERANCE, "image_embeds error " + image);
            assertTrue(text <= TOLERANCE, "text_embeds error " + text);
        }
    }
}
