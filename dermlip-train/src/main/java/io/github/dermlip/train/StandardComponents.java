package io.github.dermlip.train;

import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.image.EvalTransform;
import io.github.dermlip.core.image.ImageDecoder;
import io.github.dermlip.core.image.TrainTransform;
import io.github.dermlip.core.tokenizer.BpeVocabulary;
import io.github.dermlip.core.tokenizer.ClipBpeTokenizer;
import io.github.dermlip.core.tokenizer.HfTextTokenizer;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.dermlip.train.data.ImageBytesDecoder;

/**
 * open_clip's pieces: the model's tokenizer at its context length (CLIP's BPE from {@code --vocab}, else the default
 * vocabulary location; or the Hugging Face tokenizer that {@code text_cfg.hf_tokenizer_name} names, looked up
 * from the {@code --pretrained} or {@code --model} folder), the training augmentation of {@code --aug-cfg} and the eval transform of the model's
 * preprocessing config, and the core image decoder.
 */
public final class StandardComponents implements ComponentsFactory {
    /**
     * Keeps Pillow's mode (RGB, RGBA or palette): the transforms convert to RGB after the crop and resize, where
     * open_clip converts, so RGBA is resampled with its alpha and a palette image with nearest neighbours.
     */
    static final ImageBytesDecoder DECODER = ImageDecoder::decode;

    @Override
    public TrainingComponents create(OpenClipConfig model, TrainConfig config) {
        return new TrainingComponents(tokenizer(model, config),
                new TrainTransform(model.preprocess(), AugmentationArgs.parse(config.augCfg())),
                new EvalTransform(model.preprocess()), DECODER);
    }

    private static TextTokenizer tokenizer(OpenClipConfig model, TrainConfig config) {
        int contextLength = model.model().text().contextLength();
        String hfName = model.model().text().hfTokenizerName();
        if (hfName == null) {
            BpeVocabulary vocabulary = config.vocab() != null ? BpeVocabulary.load(config.vocab()) : BpeVocabulary.loadDefault();
            return new ClipBpeTokenizer(vocabulary, contextLength);
        }
        Path modelDir = config.pretrained();
        if (modelDir == null) {
            Path named = Path.of(config.model());
            modelDir = Files.isDirectory(named) ? named : named.toAbsolutePath().getParent();
        }
        return HfTextTokenizer.forModel(hfName, modelDir, contextLength);
    }
}
