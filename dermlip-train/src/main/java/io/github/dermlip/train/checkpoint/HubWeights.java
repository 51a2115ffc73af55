package io.github.dermlip.train.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.io.TensorData;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loads open_clip weights into a model: a weights file, or an open_clip hub directory ({@code --pretrained}). */
public final class HubWeights {
    /** The weight files of a hub directory, in order of preference: safetensors before the pickle-based {@code .bin}. */
    public static final String[] HUB_WEIGHT_FILES = {"open_clip_model.safetensors", "open_clip_pytorch_model.bin"};

    private HubWeights() {}

    /** The weights file of a hub directory, preferring safetensors. */
    public static Path weightsFile(Path hubDirectory) throws NoSuchFileException {
        for (String name : HUB_WEIGHT_FILES) {
            Path file = hubDirectory.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new NoSuchFileException(hubDirectory.toString(), null,
                "no open_clip weights (" + String.join(" or ", HUB_WEIGHT_FILES) + ") in this directory");
    }

    /** Loads a weights file (safetensors or {@code torch.save} zip) into {@code model}, strictly. */
    public static void load(Path weightsFile, ClipModel model) throws IOException {
        StateDict weights = StateDict.read(weightsFile);
        try (NDManager host = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (Map.Entry<String, TensorData> e : weights.asMap().entrySet()) {
                arrays.put(e.getKey(), e.getValue().toNDArray(host));
            }
            OpenClipCheckpoint.load(model, arrays, weightsFile.toString());
        }
    }
}
