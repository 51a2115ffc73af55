package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.initializer.Initializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.config.OpenClipConfigWriter;
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
     * The directory's config as its weights call for it: the tower layouts and depths are checked against the
     * weights, and the PanDerm image tower, which configs do not name, is recognised by its keys. This is the
     * config of the model {@link #load(Path, NDManager)} builds.
     */
    public static OpenClipConfig readConfigForWeights(Path dir) throws IOException {
        return fitToWeights(readConfig(dir), dir.resolve(CONFIG_FILE), weightsFile(dir));
    }

    /**
     * {@code config} as the weights file calls for it, like {@link #readConfigForWeights}; only the weights' names
     * are read ({@link StateDict#shapes}), not their data.
     *
     * @param configFile where {@code config} was read, named in errors
     */
    public static OpenClipConfig fitToWeights(OpenClipConfig config, Path configFile, Path weights) throws IOException {
        return config.withModel(OpenClipKeys.fitToCheckpoint(config.model(), StateDict.shapes(weights).keySet(),
                configFile.toString(), weights.toString()));
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
        return load(readConfig(dir).model(), dir.resolve(CONFIG_FILE).toString(), weightsFile(dir), manager);
    }

    /**
     * Builds the model that a config and a weights file describe together, and loads the weights, on
     * {@code manager}'s device. The checkpoint's layout picks the tower where the config does not name it (the
     * PanDerm image tower), so the returned model's {@link ClipModel#config()} may differ from {@code config}.
     *
     * <p>Everything about the weights is checked against the config before a single array is allocated: the tower
     * layouts, the number of blocks, and every shape ({@link OpenClipKeys#fitToCheckpoint},
     * {@link OpenClipKeys#checkShapes}). A config whose sizes do not fit its weights (say {@code mlp_ratio} 1e9) is
     * refused, naming the field, without reaching the engine.
     *
     * @param configSource names the config in errors, e.g. its file
     */
    public static ClipModel load(ModelConfig config, String configSource, Path weightsFile, NDManager manager)
            throws IOException {
        StateDict stateDict = StateDict.read(weightsFile);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        stateDict.asMap().forEach((k, v) -> shapes.put(k, v.shape()));
        ModelConfig fitted = OpenClipKeys.fitToCheckpoint(config, shapes.keySet(), configSource, weightsFile.toString());
        ClipModel model = new ClipModel(fitted);
        OpenClipKeys.checkShapes(model, shapes, configSource, weightsFile.toString());
        // The weights replace every value, so the cheapest initializer does.
        model.setInitializer(Initializer.ZEROS, parameter -> true);
        model.initialize(manager, DataType.FLOAT32, model.exampleInputShapes(1));
        copyWeights(model, stateDict, weightsFile, manager);
        return model;
    }

    /** Loads a weights file (safetensors or torch .bin, detected by content) into the model, strictly. */
    public static void loadWeights(ClipModel model, Path weightsFile, NDManager manager) throws IOException {
        copyWeights(model, StateDict.read(weightsFile), weightsFile, manager);
    }

    private static void copyWeights(ClipModel model, StateDict stateDict, Path weightsFile, NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            OpenClipKeys.load(model, stateDict.toNDArrays(scratch), weightsFile.toString());
        }
    }

    /**
     * Writes {@code dir/open_clip_config.json} and {@code dir/open_clip_model.safetensors} for the model,
     * each file atomically (temp file, fsync, rename). The directory is created when missing. A Hugging Face text
     * tower named by a relative folder and a custom timm model's {@code timm_model_cfg.json} are copied into
     * {@code dir} ({@link HubSideFiles}), so the directory loads on its own.
     */
    public static void save(ClipModel model, OpenClipConfig config, Path dir) throws IOException {
        Files.createDirectories(dir);
        HubSideFiles.copyInto(config.model(), dir);
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        try (NDManager scratch = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            for (Map.Entry<String, NDArray> e : OpenClipKeys.toStateDict(model, scratch).entrySet()) {
                tensors.put(e.getKey(), TensorData.fromNDArray(e.getValue()));
            }
        }
        SafetensorsWriter.write(dir.resolve(SAFETENSORS_FILE), tensors);
        byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(OpenClipConfigWriter.toJson(config));
        AtomicFiles.write(dir.resolve(CONFIG_FILE), out -> out.write(json));
    }
}
