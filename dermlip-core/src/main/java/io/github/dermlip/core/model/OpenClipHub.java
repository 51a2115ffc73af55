package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.io.AtomicFiles;
import io.github.dermlip.core.io.SafetensorsWriter;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.io.TensorData;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes open_clip hub directories: {@code open_clip_config.json} plus
 * {@code open_clip_model.safetensors} or {@code open_clip_pytorch_model.bin}.
 *
 * <p>Loading prefers safetensors over the pickled {@code .bin}, as open_clip does. Saving writes the config and
 * a safetensors file with open_clip's key names, each atomically, so {@code open_clip.create_model('local-dir:DIR')}
 * loads the result as it is.
 */
public final class OpenClipHub {
    /** The config file name in a hub directory. */
    public static final String CONFIG_FILE = "open_clip_config.json";
    /** The safetensors weights file name. */
    public static final String SAFETENSORS_FILE = "open_clip_model.safetensors";
    /** The pickled {@code torch.save} weights file name. */
    public static final String PYTORCH_FILE = "open_clip_pytorch_model.bin";

    private OpenClipHub() {}

    /** Reads the hub directory's {@code open_clip_config.json}. */
    public static OpenClipConfig readConfig(Path dir) {
        return OpenClipConfigReader.read(dir.resolve(CONFIG_FILE));
    }

    /**
     * The weights file of a hub directory: safetensors when present, else the {@code .bin}.
     *
     * @throws FileNotFoundException naming the directory and both expected files when neither exists
     */
    public static Path weightsFile(Path dir) throws FileNotFoundException {
        Path safetensors = dir.resolve(SAFETENSORS_FILE);
        if (Files.isRegularFile(safetensors)) {
            return safetensors;
        }
        Path bin = dir.resolve(PYTORCH_FILE);
        if (Files.isRegularFile(bin)) {
            return bin;
        }
        throw new FileNotFoundException(dir + ": no weights found; expected " + SAFETENSORS_FILE + " or " + PYTORCH_FILE);
    }

    /** Builds the model described by the directory's config and loads its weights, on {@code manager}'s device. */
    public static ClipModel load(Path dir, NDManager manager) throws IOException {
        ClipModel model = ClipModel.create(readConfig(dir).model(), manager);
        loadWeights(model, weightsFile(dir), manager);
        return model;
    }

    /** Loads a weights file (safetensors or torch .bin, detected by content) into the model, strictly. */
    public static void loadWeights(ClipModel model, Path weightsFile, NDManager manager) throws IOException {
        StateDict stateDict = StateDict.read(weightsFile);
        try (NDManager scratch = manager.newSubManager()) {
            OpenClipCheckpoint.load(model, stateDict.toNDArrays(scratch), weightsFile.toString());
        }
    }

    /**
     * Writes {@code dir/open_clip_config.json} and {@code dir/open_clip_model.safetensors} for the model,
     * each file atomically (temp file, fsync, rename). The directory is created when missing.
     */
    public static void save(ClipModel model, OpenClipConfig config, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        try (NDManager scratch = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            for (Map.Entry<String, NDArray> e : OpenClipCheckpoint.toStateDict(model, scratch).entrySet()) {
                tensors.put(e.getKey(), TensorData.fromNDArray(e.getValue()));
            }
        }
        SafetensorsWriter.write(dir.resolve(SAFETENSORS_FILE), tensors);
        byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(OpenClipConfigReader.toJson(config));
        AtomicFiles.write(dir.resolve(CONFIG_FILE), out -> out.write(json));
    }
}
