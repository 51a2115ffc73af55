package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict loading and open_clip-compatible saving of state dicts. */
class OpenClipKeysTest {
    private static final String SOURCE = "weights.safetensors";

    @ParameterizedTest
    @ValueSource(strings = {FixtureTensors.GELU, FixtureTensors.QUICKGELU_CUSTOMTEXT})
    void stateDictHasExactlyOpenClipKeysAndShapes(String fixture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> original = FixtureTensors.weights(fixture, manager);
            ClipModel model = FixtureTensors.loadedModel(fixture, manager);
            Map<String, NDArray> saved = OpenClipKeys.toStateDict(model, manager);
            assertEquals(original.keySet(), saved.keySet());
            for (Map.Entry<String, NDArray> e : original.entrySet()) {
                NDArray copy = saved.get(e.getKey());
                assertEquals(e.getValue().getShape(), copy.getShape(), e.getKey());
                assertEquals(e.getKey(), copy.getName());
                assertEquals(0f, FixtureTensors.maxAbsDiff(e.getValue(), copy), e.getKey());
            }
            assertEquals(new Shape(), saved.get("logit_scale").getShape());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {FixtureTensors.GELU, FixtureTensors.QUICKGELU_CUSTOMTEXT})
    void savedStateDictLoadsIntoAFreshModelWithIdenticalOutputs(String fixture) {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel trained = FixtureTensors.loadedModel(fixture, manager);
            Map<String, NDArray> saved = OpenClipKeys.toStateDict(trained, manager);
            ClipModel fresh = ClipModel.create(FixtureTensors.config(fixture), manager);
            Map<String, NDArray> expected = FixtureTensors.expected(fixture, manager);
            NDArray pixels = expected.get("pixel_values");
            NDArray ids = expected.get("input_ids");
            assertTrue(FixtureTensors.maxAbsDiff(trained.encodeImage(pixels), fresh.encodeImage(pixels)) > 1e-3f,
                    "a freshly initialized model must differ before loading");

            OpenClipKeys.load(fresh, saved, "round-trip");
            assertEquals(0f, FixtureTensors.maxAbsDiff(trained.encodeImage(pixels), fresh.encodeImage(pixels)));
            assertEquals(0f, FixtureTensors.maxAbsDiff(trained.encodeText(ids), fresh.encodeText(ids)));
        }
    }

    @Test
    void savedArraysAreCopiesNotViewsOfTheParameters() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = FixtureTensors.loadedModel(FixtureTensors.GELU, manager);
            Map<String, NDArray> saved = OpenClipKeys.toStateDict(model, manager);
            float before = saved.get("visual.proj").getFloat(0, 0);
            Map<String, NDArray> other = OpenClipKeys.toStateDict(model, manager);
            other.get("visual.proj").set(new float[(int) other.get("visual.proj").size()]);
            OpenClipKeys.load(model, other, "zeros");
            assertEquals(before, saved.get("visual.proj").getFloat(0, 0));
            assertEquals(0f, ((VisionTransformer) model.vision()).proj().getArray().abs().max().getFloat());
        }
    }

    @Test
    void missingKeyIsNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(FixtureTensors.config(FixtureTensors.GELU), manager);
            Map<String, NDArray> weights = FixtureTensors.weights(FixtureTensors.GELU, manager);
            weights.remove("transformer.resblocks.1.mlp.c_fc.bias");
            CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                    () -> OpenClipKeys.load(model, weights, SOURCE));
            assertEquals(List.of("transformer.resblocks.1.mlp.c_fc.bias"), e.missing());
            assertTrue(e.unexpected().isEmpty() && e.mismatched().isEmpty());
            assertTrue(e.getMessage().startsWith(SOURCE + ":"), e.getMessage());
            assertTrue(e.getMessage().contains("transformer.resblocks.1.mlp.c_fc.bias"), e.getMessage());
        }
    }

    @Test
    void unexpectedKeyIsNamed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(FixtureTensors.config(FixtureTensors.GELU), manager);
            Map<String, NDArray> weights = FixtureTensors.weights(FixtureTensors.GELU, manager);
            weights.put("visual.attn_pool.query", manager.zeros(new Shape(4)));
            CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                    () -> OpenClipKeys.load(model, weights, SOURCE));
            assertEquals(List.of("visual.attn_pool.query"), e.unexpected());
            assertTrue(e.missing().isEmpty() && e.mismatched().isEmpty());
            assertTrue(e.getMessage().contains("visual.attn_pool.query"), e.getMessage());
        }
    }

    @Test
    void wrongShapeIsNamedAndNothingIsCopied() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(FixtureTensors.config(FixtureTensors.GELU), manager);
            NDArray before = ((VisionTransformer) model.vision()).proj().getArray().duplicate();
            Map<String, NDArray> weights = FixtureTensors.weights(FixtureTensors.GELU, manager);
            weights.put("visual.positional_embedding", manager.zeros(new Shape(16, 64)));
            CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                    () -> OpenClipKeys.load(model, weights, SOURCE));
            assertEquals(List.of("visual.positional_embedding"), List.copyOf(e.mismatched().keySet()));
            assertTrue(e.getMessage().contains("visual.positional_embedding (checkpoint (16, 64) float32, model (17, 64)"),
                    e.getMessage());
            assertEquals(0f, FixtureTensors.maxAbsDiff(before, ((VisionTransformer) model.vision()).proj().getArray()),
                    "a refused checkpoint must leave the model untouched");
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(FixtureTensors.config(FixtureTensors.GELU), manager);
            Map<String, NDArray> weights = FixtureTensors.weights(FixtureTensors.GELU, manager);
            weights.remove("ln_final.weight");
            weights.remove("visual.conv1.weight");
            weights.put("extra.a", manager.zeros(new Shape(1)));
            weights.put("text_projection", manager.zeros(new Shape(64, 32)));
            weights.put("visual.proj", manager.zeros(new Shape(64, 64), DataType.INT64));
            CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                    () -> OpenClipKeys.load(model, weights, SOURCE));
            assertEquals(List.of("ln_final.weight", "visual.conv1.weight").stream().sorted().toList(),
                    e.missing().stream().sorted().toList());
            assertEquals(List.of("extra.a"), e.unexpected());
            assertEquals(List.of("text_projection", "visual.proj"), e.mismatched().keySet().stream().sorted().toList());
        }
    }

    @Test
    void layoutMismatchGetsAHint() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(FixtureTensors.config(FixtureTensors.GELU), manager);
            Map<String, NDArray> weights = new LinkedHashMap<>();
            FixtureTensors.weights(FixtureTensors.GELU, manager).forEach((k, v) ->
                    weights.put(k.startsWith("visual.") || k.startsWith("logit") ? k : "text." + k, v));
            CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                    () -> OpenClipKeys.load(model, weights, SOURCE));
            assertTrue(e.getMessage().contains("CustomTextCLIP layout"), e.getMessage());
        }
    }

    @Test
    void acceptsOneDimensionalLogitScaleAndDdpPrefix() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(FixtureTensors.config(FixtureTensors.GELU), manager);
            Map<String, NDArray> weights = new LinkedHashMap<>();
            FixtureTensors.weights(FixtureTensors.GELU, manager).forEach((k, v) -> weights.put("module." + k, v));
            weights.put("module.logit_scale", manager.create(new float[] {3.25f}));
            OpenClipKeys.load(model, weights, SOURCE);
            assertEquals(3.25f, model.logitScale().getArray().getFloat());
            assertEquals(new Shape(), model.logitScale().getArray().getShape());
        }
    }

    @Test
    void logitBiasIsMappedWhenConfigured() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(FixtureTensors.config(FixtureTensors.GELU).withInitLogitBias(-10.0), manager);
            assertEquals(-10f, model.logitBias().getArray().getFloat());
            Map<String, NDArray> weights = FixtureTensors.weights(FixtureTensors.GELU, manager);
            CheckpointMismatchException e = assertThrows(CheckpointMismatchException.class,
                    () -> OpenClipKeys.load(model, weights, SOURCE));
            assertEquals(List.of("logit_bias"), e.missing());
            weights.put("logit_bias", manager.create(-4.5f));
            OpenClipKeys.load(model, weights, SOURCE);
            assertEquals(-4.5f, model.logitBias().getArray().getFloat());
            assertEquals(new Shape(), OpenClipKeys.toStateDict(model, manager).get("logit_bias").getShape());
        }
    }
}
