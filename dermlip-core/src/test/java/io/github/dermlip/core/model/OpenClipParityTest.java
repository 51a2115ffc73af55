package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our towers against open_clip 3.3.0's outputs for the same weights and inputs: open_clip's ViT and causal text
 * towers, and the PanDerm, timm ViT and Hugging Face BERT towers (every pooler and projection the fixtures have).
 */
class OpenClipParityTest {
    private static final float TOLERANCE = 1e-4f;

    static Stream<Arguments> fixturesAndWeightFiles() {
        return Stream.of(FixtureTensors.GELU, FixtureTensors.QUICKGELU_CUSTOMTEXT, FixtureTensors.PANDERM_BERT_MEAN,
                FixtureTensors.TIMM_BERT_CLS, FixtureTensors.TIMM_BERT_POOLER).flatMap(fixture -> Stream.of(
                Arguments.of(fixture, OpenClipHub.SAFETENSORS_FILE), Arguments.of(fixture, OpenClipHub.PYTORCH_FILE)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("fixturesAndWeightFiles")
    void embeddingsAndLogitsMatchOpenClip(String fixture, String weightsFile) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = FixtureTensors.loadedModel(fixture, weightsFile, manager);
            Map<String, NDArray> expected = FixtureTensors.expected(fixture, manager);
            NDArray pixels = expected.get("pixel_values");
            NDArray ids = expected.get("input_ids");

            NDArray image = model.encodeImage(pixels);
            NDArray text = model.encodeText(ids);
            float imageError = FixtureTensors.maxAbsDiff(image, expected.get("image_embeds"));
            float textError = FixtureTensors.maxAbsDiff(text, expected.get("text_embeds"));

            ClipOutput out = ClipOutput.fromNDList(
                    model.forward(new ParameterStore(manager, false), new NDList(pixels, ids), false));
            NDArray logits = out.imageFeatures().matMul(out.textFeatures().transpose()).mul(out.logitScale());
            float logitError = FixtureTensors.maxAbsDiff(logits, expected.get("logits_per_image"));

            System.out.printf("%s (%s): max abs error image_embeds %.3g, text_embeds %.3g, logits_per_image %.3g%n",
                    fixture, weightsFile, imageError, textError, logitError);
            assertTrue(imageError <= TOLERANCE, "image_embeds error " + imageError);
            assertTrue(textError <= TOLERANCE, "text_embeds error " + textError);
            assertTrue(logitError <= TOLERANCE, "logits_per_image error " + logitError);
            assertEquals(null, out.logitBias());
        }
    }
}
