package io.github.dermlip.core.api;

import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.hfclip.HfClipFolder;
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

    /** The config file that describes the model. */
    public static Path configFile(Path dir) {
        return dir.resolve(format(dir) == Format.OPEN_CLIP ? OpenClipHub.CONFIG_FILE : HfClipFolder.CONFIG_FILE);
    }

    /** The model's open_clip config (for a Hugging Face folder, the equivalent one that saving writes). */
    public static OpenClipConfig readConfig(Path dir) {
        return format(dir) == Format.OPEN_CLIP ? OpenClipHub.readConfig(dir) : HfClipFolder.readConfig(dir);
    }

    /** The weights file, as the format's own library picks it (safetensors first). */
    public static Path weightsFile(Path dir) throws FileNotFoundException {
        return format(dir) == Format.OPEN_CLIP ? OpenClipHub.weightsFile(dir) : HfClipFolder.weightsFile(dir);
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
