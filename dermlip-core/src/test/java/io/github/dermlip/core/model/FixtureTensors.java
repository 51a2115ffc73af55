package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the shared open_clip fixtures (config, weights, reference outputs) with DJL's own safetensors decoder. */
final class FixtureTensors {
    static final String GELU = "tiny-gelu";
    static final String QUICKGELU_CUSTOMTEXT = "tiny-quickgelu-customtext";

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

    /** A model built from the fixture's config and loaded with its weights. */
    static ClipModel loadedModel(String fixture, NDManager manager) {
        ClipModel model = ClipModel.create(config(fixture), manager);
        OpenClipCheckpoint.load(model, weights(fixture, manager), fixture + "/open_clip_model.safetensors");
        return model;
    }

    static Map<String, NDArray> read(Path file, NDManager manager) {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (NDArray array : NDList.decode(manager, in)) {
                out.put(array.getName(), array);
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
