package io.github.dermlip.eval.task;

import io.github.dermlip.core.provenance.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the evaluation tasks need from a CLIP-style model: L2-normalized image and text embeddings in a shared
 * space, and zero-shot class probabilities. {@link DermLipModel} adapts the library's inference API; tests can
 * supply any other implementation. {@link #close()} frees what the model holds (nothing by default).
 */
public interface EmbeddingModel extends AutoCloseable {

    /** Display name of the model, used as the {@code model} column of every report. */
    String name();

    /**
     * A stable identifier of the weights, used as the feature-cache key: two models with the same id must
     * produce the same embeddings.
     */
    String id();

    /** The training run the weights come from, when this library trained them (core's {@code training_run.json}). */
    default Optional<TrainingRun> trainingRun() {
        return Optional.empty();
    }

    /**
     * L2-normalized embeddings of image files, one row per file in list order.
     *
     * @throws IOException when a file cannot be read or decoded (the message names it)
     */
    float[][] encodeImages(List<Path> images) throws IOException;

    /** L2-normalized embeddings of texts, one row per text in list order. */
    float[][] encodeTexts(List<String> texts);

    /**
     * Zero-shot class probabilities {@code [images][classes]}: each class's weight is the mean of its normalized
     * prompt embeddings (every template filled with the class name), normalized again; logits are
     * {@code 100 * image . weight}; probabilities their softmax over classes (open_clip's zero-shot classifier).
     *
     * @param imageEmbeddings normalized image embeddings from {@link #encodeImages}
     * @param classNames the class names in label order
     * @param templates prompt templates, each with a {@code {}} placeholder
     */
    float[][] zeroShotProbabilities(float[][] imageEmbeddings, List<String> classNames, List<String> templates);

    /** Frees the model's resources; the default holds none. */
    @Override
    default void close() {}
}
