package io.github.dermlip.core.hfclip;

import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.config.ClipImageProcessorConfig;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.image.ClipImageProcessor;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.tokenizer.ClipBpeTokenizer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Hugging Face transformers {@code CLIPModel} folder, as {@code save_pretrained} writes it and as
 * {@code openai/clip-*}, {@code vinid/plip} and {@code chanwkim/monet} are published: {@code config.json},
 * {@code model.safetensors} or {@code pytorch_model.bin}, {@code preprocessor_config.json} and the tokenizer files
 * ({@link ClipTokenizerFiles}).
 *
 * <p>The model becomes our open_clip {@link ClipModel}; its {@link #readConfig open_clip config} is what saving it
 * writes, so a model loaded from here and saved with {@link io.github.dermlip.core.model.OpenClipHub#save} loads in
 * Python open_clip. Note that open_clip's eval transform then differs slightly from this folder's
 * {@link ClipImageProcessor} (see there).
 */
public final class HfClipFolder {
    /** The transformers config, {@code model_type: clip}. */
    public static final String CONFIG_FILE = "config.json";
    /** The safetensors weights, preferred when present (as transformers prefers them). */
    public static final String SAFETENSORS_FILE = "model.safetensors";
    /** The {@code torch.save} weights. */
    public static final String PYTORCH_FILE = "pytorch_model.bin";
    /** The {@code CLIPImageProcessor} settings. */
    public static final String PREPROCESSOR_FILE = "preprocessor_config.json";

    private HfClipFolder() {}

    /** The model architecture from {@code config.json}. */
    public static ModelConfig readModelConfig(Path dir) {
        return HfClipConfigReader.read(dir.resolve(CONFIG_FILE));
    }

    /** The image processor settings from {@code preprocessor_config.json}, checked against the model's image size. */
    public static ClipImageProcessorConfig readImageProcessorConfig(Path dir, ModelConfig model) {
        Path file = dir.resolve(PREPROCESSOR_FILE);
        ClipImageProcessorConfig config = ClipImageProcessorConfigReader.read(file);
        if (config.cropSize() != model.vision().imageSize()) {
            throw new ConfigException(file + ": field 'crop_size' " + config.cropSize() + " differs from the model's"
                    + " vision_config.image_size " + model.vision().imageSize());
        }
        return config;
    }

    /** The equivalent open_clip config: the architecture and open_clip's nearest eval transform. */
    public static OpenClipConfig readConfig(Path dir) {
        ModelConfig model = readModelConfig(dir);
        return new OpenClipConfig(model, readImageProcessorConfig(dir, model).toOpenClip());
    }

    /** The folder's {@code CLIPImageProcessor}. */
    public static ClipImageProcessor imageProcessor(Path dir, ModelConfig model) {
        return new ClipImageProcessor(readImageProcessorConfig(dir, model));
    }

    /** The folder's slow {@code CLIPTokenizer}, at the text tower's context length. */
    public static ClipBpeTokenizer tokenizer(Path dir, ModelConfig model) {
        return ClipTokenizerFiles.read(dir, model.text().contextLength());
    }

    /**
     * The weights file: {@code model.safetensors} when present, else {@code pytorch_model.bin}.
     *
     * @throws FileNotFoundException naming the folder and both file names when neither exists
     */
    public static Path weightsFile(Path dir) throws FileNotFoundException {
        for (String name : List.of(SAFETENSORS_FILE, PYTORCH_FILE)) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new FileNotFoundException(dir + ": no weights found; expected " + SAFETENSORS_FILE + " or " + PYTORCH_FILE);
    }

    /** Loads a {@code CLIPModel} weights file (safetensors or torch .bin) into the model, strictly. */
    public static void loadWeights(ClipModel model, Path weightsFile, NDManager manager) throws IOException {
        StateDict stateDict = StateDict.read(weightsFile);
        try (NDManager scratch = manager.newSubManager()) {
            HfClipCheckpoint.load(model, stateDict.toNDArrays(scratch), weightsFile.toString());
        }
    }
}
