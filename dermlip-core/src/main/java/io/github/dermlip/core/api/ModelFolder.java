package io.github.dermlip.core.api;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.initializer.Initializer;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.hfclip.HfClipFolder;
import io.github.dermlip.core.hub.ModelFiles;
import io.github.dermlip.core.hub.ModelLayout;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipHub;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model folders this library loads, told apart by the files present: an open_clip hub folder
 * ({@code open_clip_config.json}) or a Hugging Face {@code CLIPModel} folder ({@code config.json}, whose
 * {@code model_type} must then be {@code clip}). Every consumer of a model folder ({@link DermLip#load}, training's
 * {@code --pretrained}, the evaluation commands) goes through here, so each accepts both.
 */
public final class ModelFolder {
    /** The layout of a model folder. */
    public enum Format {
        /** {@code open_clip_config.json} + {@code open_clip_model.safetensors} or {@code open_clip_pytorch_model.bin}. */
        OPEN_CLIP,
        /** {@code config.json} + {@code model.safetensors} or {@code pytorch_model.bin}, see {@link HfClipFolder}. */
        HF_CLIP
    }

    private ModelFolder() {}

    /**
     * The folder's format; open_clip's config wins when both config files are there.
     *
     * @throws ConfigException naming the folder and the config files looked for when it holds neither
     */
    public static Format format(Path dir) {
        if (Files.isRegularFile(dir.resolve(OpenClipHub.CONFIG_FILE))) {
            return Format.OPEN_CLIP;
        }
        if (Files.isRegularFile(dir.resolve(HfClipFolder.CONFIG_FILE))) {
            return Format.HF_CLIP;
        }
        throw new ConfigException(dir + ": no model config; expected " + OpenClipHub.CONFIG_FILE
                + " (open_clip) or " + HfClipFolder.CONFIG_FILE + " (Hugging Face CLIPModel)");
    }

    /**
     * The folder's files, found once: its format's config, the weights file its library picks (safetensors
     * first) and the tokenizer files present. Hand them on rather than looking in the folder again.
     *
     * @throws ConfigException when the folder holds neither config file
     * @throws FileNotFoundException naming the folder and the weights files looked for when none is there
     */
    public static ModelFiles files(Path dir) throws FileNotFoundException {
        format(dir);
        return ModelFiles.inFolder(dir);
    }

    /** The config file that describes the model. */
    public static Path configFile(Path dir) {
        return dir.resolve(format(dir) == Format.OPEN_CLIP ? OpenClipHub.CONFIG_FILE : HfClipFolder.CONFIG_FILE);
    }

    /** The model's open_clip config (for a Hugging Face folder, the equivalent one that saving writes). */
    public static OpenClipConfig readConfig(Path dir) {
        return format(dir) == Format.OPEN_CLIP ? OpenClipHub.readConfig(dir) : HfClipFolder.readConfig(dir);
    }

    /**
     * The model's config as its weights call for it: for an open_clip folder the tower layouts are checked against
     * the weights and a tower that configs do not name (PanDerm) is recognised by its keys
     * ({@link OpenClipHub#readConfigForWeights}); a Hugging Face folder's config already says everything.
     */
    public static OpenClipConfig readConfigForWeights(Path dir) throws IOException {
        ModelFiles files = files(dir);
        OpenClipConfig config = readConfig(files);
        return isOpenClip(files) ? OpenClipHub.fitToWeights(config, files.config(), files.weights()) : config;
    }

    /** The model's open_clip config, as {@link #readConfig(Path)}, from files already found. */
    public static OpenClipConfig readConfig(ModelFiles files) {
        return isOpenClip(files) ? OpenClipConfigReader.read(files.config()) : HfClipFolder.readConfig(files.folder());
    }

    /** The weights file, as the format's own library picks it (safetensors first). */
    public static Path weightsFile(Path dir) throws FileNotFoundException {
        return format(dir) == Format.OPEN_CLIP ? OpenClipHub.weightsFile(dir) : HfClipFolder.weightsFile(dir);
    }

    /**
     * Builds the folder's model on {@code manager}'s device and loads its weights, strictly. For an open_clip folder
     * the weights are checked against the config before anything is allocated, and the returned model's config is
     * the one they call for ({@link OpenClipHub#load(io.github.dermlip.core.config.ModelConfig, String, Path,
     * NDManager)}).
     *
     * @param config the folder's config, as {@link #readConfig} gives it
     */
    public static ClipModel loadModel(Path dir, OpenClipConfig config, NDManager manager) throws IOException {
        return loadModel(files(dir), config, manager);
    }

    /** As {@link #loadModel(Path, OpenClipConfig, NDManager)}, from files already found. */
    public static ClipModel loadModel(ModelFiles files, OpenClipConfig config, NDManager manager) throws IOException {
        if (isOpenClip(files)) {
            return OpenClipHub.load(config.model(), files.config().toString(), files.weights(), manager);
        }
        ClipModel model = new ClipModel(config.model());
        // The weights replace every value, so the cheapest initializer does.
        model.setInitializer(Initializer.ZEROS, parameter -> true);
        model.initialize(manager, DataType.FLOAT32, model.exampleInputShapes(1));
        HfClipFolder.loadWeights(model, files.weights(), manager);
        return model;
    }

    private static boolean isOpenClip(ModelFiles files) {
        return files.layout() == ModelLayout.OPEN_CLIP;
    }

    /** Loads the folder's weights into a model built from {@link #readConfig}, strictly. */
    public static void loadWeights(ClipModel model, Path dir, NDManager manager) throws IOException {
        if (format(dir) == Format.OPEN_CLIP) {
            OpenClipHub.loadWeights(model, OpenClipHub.weightsFile(dir), manager);
        } else {
            HfClipFolder.loadWeights(model, HfClipFolder.weightsFile(dir), manager);
        }
    }
}
