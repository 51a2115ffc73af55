package io.github.dermlip.train;

import io.github.dermlip.core.image.ImageTransform;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import io.github.dermlip.train.data.ImageBytesDecoder;
import java.util.Objects;

/**
 * The pieces of a run that turn raw samples into model inputs; {@link Trainer} builds the standard ones from the
 * config, and a caller may supply its own (another tokenizer, a different transform).
 *
 * @param tokenizer turns captions and prompts into token ids of at most the model's context length
 * @param trainTransform the training augmentation
 * @param evalTransform the deterministic transform of validation and zero-shot images
 * @param decoder turns image bytes into an RGB image
 */
public record TrainingComponents(TextTokenizer tokenizer, ImageTransform trainTransform, ImageTransform evalTransform,
        ImageBytesDecoder decoder) {

    /** Checks that every piece is present. */
    public TrainingComponents {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(trainTransform, "trainTransform");
        Objects.requireNonNull(evalTransform, "evalTransform");
        Objects.requireNonNull(decoder, "decoder");
    }
}
