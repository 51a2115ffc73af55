package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;

import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import java.io.IOException;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.io.TensorData;
import java.io.UncheckedIOException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the shared open_clip fixtures (config, weights, reference outputs) with our own checkpoint readers. */
final class FixtureTensors {
    static final String GELU = "tiny-gelu";
    static final String QUICKGELU_CUSTOMTEXT = "tiny-quickgelu-customtext";
    static final String PANDERM_BERT_MEAN = "tiny-panderm-bert-mean";
    static final String TIMM_BERT_CLS = "tiny-timm-vit-bert-cls";
    static final String TIMM_BERT_POOLER = "tiny-timm-vit-bert-pooler";

    private FixtureTensors() {}

    static ModelConfig config(String fixture) {
        return OpenClipConfigReader.read(SharedFixtures.openClipModel(fixture).resolve("open_clip_config.json")).model();
    }

    static Map<String, NDArray> weights(String fixture, NDManager manager) {
        return read(SharedFixtures.openClipModel(fixture).resolve("open_clip_model.safetensors"), manager);
    }

    static Map<String, NDArray> expected(String fixture, NDManager manager) {
        return read(SharedFixtures.openClipModel(fixture).resolve("expected.safetensors"), manager);
    }

    /** A model built from the fixture's config and loaded with its safetensors weights. */
    static ClipModel loadedModel(String fixture, NDManager manager) {
        return loadedModel(fixture, OpenClipHub.SAFETENSORS_FILE, manager);
    }

    /** A model built from the fixture's config and loaded from the given weights file of the fixture. */
    static ClipModel loadedModel(String fixture, String weightsFile, NDManager manager) {
        Path dir = SharedFixtures.openClipModel(fixture);
        try {
            return OpenClipHub.load(config(fixture), fixture, dir.resolve(weightsFile), manager);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, NDArray> read(Path file, NDManager manager) {
        try {
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (Map.Entry<String, TensorData> e : StateDict.read(file).asMap().entrySet()) {
                NDArray array = e.getValue().toNDArray(manager);
                array.setName(e.getKey());
                out.put(e.getKey(), array);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static float maxAbsDiff(NDArray a, NDArray b) {
        if (!a.getShape().equals(b.getShape())) {
            throw new AssertionError("shape " + a.getShape() + " differs from " + b.getShape());
        }
        return a.sub(b).abs().max().getFloat();
    }
}
