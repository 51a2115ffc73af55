package io.github.dermlip.train;

import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.image.EvalTransform;
import io.github.dermlip.core.image.ImageDecoder;
import io.github.dermlip.core.image.TrainTransform;
import io.github.dermlip.core.tokenizer.BpeVocabulary;
import io.github.dermlip.core.tokenizer.ClipBpeTokenizer;
import io.github.dermlip.train.data.ImageBytesDecoder;

/**
 * open_clip's pieces: CLIP's BPE tokenizer ({@code --vocab}, else the default vocabulary location) at the model's
 * context length, the training augmentation of {@code --aug-cfg} and the eval transform of the model's
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
        if (model.model().text().hfTokenizerName() != null) {
            throw new IllegalArgumentException("the model's text_cfg names the Hugging Face tokenizer '"
                    + model.model().text().hfTokenizerName() + "'; the standard components only provide CLIP's BPE"
                    + " tokenizer, so pass TrainingComponents with a matching tokenizer to the Trainer");
        }
        BpeVocabulary vocabulary = config.vocab() != null ? BpeVocabulary.load(config.vocab()) : BpeVocabulary.loadDefault();
        return new TrainingComponents(new ClipBpeTokenizer(vocabulary, model.model().text().contextLength()),
                new TrainTransform(model.preprocess(), AugmentationArgs.parse(config.augCfg())),
                new EvalTransform(model.preprocess()), DECODER);
    }
}
