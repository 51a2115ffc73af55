package io.github.dermlip.train;

import io.github.dermlip.train.data.LlavaManifestReader;
import io.github.dermlip.train.data.LoaderOptions;
import io.github.dermlip.train.data.ManifestMix;
import io.github.dermlip.train.data.ManifestOptions;
import io.github.dermlip.train.data.ManifestSource;
import io.github.dermlip.train.data.SampleSource;
import io.github.dermlip.train.data.WebDatasetSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the data sets a {@link TrainConfig} names, with its column names, separator, image root and LLaVA caption
 * choice.
 */
final class TrainingData {
    /** Samples held by a WebDataset shuffle buffer (open_clip's {@code _SAMPLE_SHUFFLE_SIZE}). */
    static final int SHUFFLE_BUFFER = 5000;
    /** Samples seen before the bad-sample share is enforced. */
    static final long MIN_SAMPLES_FOR_BAD_CHECK = 100;

    private TrainingData() {}

    /**
     * The training samples. {@code ::} joins several sources as in open_clip: all WebDataset shard patterns, or all
     * manifests, whose formats are resolved one by one (under {@code --dataset-type auto} by each file's extension,
     * so a CSV and a LLaVA JSON mix) and whose rows are trained on together ({@link ManifestMix}).
     */
    static SampleSource training(TrainConfig config) throws IOException {
        List<String> parts = List.of(config.trainData().split("::", -1));
        if (parts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("--train-data " + config.trainData() + " has an empty part around '::'");
        }
        long shardParts = parts.stream().filter(p -> config.datasetType().resolve(p) == DatasetType.WEBDATASET).count();
        if (shardParts > 0 && shardParts < parts.size()) {
            throw new IllegalArgumentException("--train-data " + config.trainData() + " mixes WebDataset shards with"
                    + " manifests; '::' joins either shard patterns or manifests");
        }
        if (shardParts > 0) {
            if (config.trainNumSamples() == null) {
                throw new IllegalArgumentException("--train-num-samples is required for WebDataset training data"
                        + " (the number of samples per epoch, as in open_clip)");
            }
            return WebDatasetSource.fromPatterns(List.of(config.trainData()), SHUFFLE_BUFFER);
        }
        List<ManifestSource> manifests = new ArrayList<>();
        for (String part : parts) {
            manifests.add(manifest(part, config));
        }
        return ManifestMix.of(manifests);
    }

    /** A manifest read with the config's columns, separator and image root. */
    static ManifestSource manifest(String file, TrainConfig config) throws IOException {
        DatasetType type = config.datasetType().resolve(file);
        if (type == DatasetType.WEBDATASET) {
            throw new IllegalArgumentException(file + ": validation data must be a CSV/TSV, JSONL or LLaVA manifest");
        }
        ManifestOptions options = ManifestOptions.openClipDefaults().withKeys(config.csvImgKey(), config.csvCaptionKey());
        if (config.csvSeparator() != null) {
            options = options.withSeparator(config.csvSeparator());
        }
        if (config.imageRoot() != null) {
            options = options.withImageRoot(config.imageRoot());
        }
        Path path = Path.of(file);
        ManifestSource source = type == DatasetType.LLAVA
                ? LlavaManifestReader.read(path, config.llavaCaption(), options.resolveImageRoot(path))
                : ManifestSource.read(path, options);
        if (config.confinePaths()) {
            source.requirePathsInsideImageRoot();
        }
        return source;
    }

    /** The zero-shot images: a comma-separated CSV with columns {@code image_path} and {@code label}. */
    static ManifestSource zeroShot(Path csv) throws IOException {
        return ManifestSource.read(csv, new ManifestOptions("image_path", "label", ',', null));
    }

    /** Shuffled, drop-last batches for training. */
    static LoaderOptions trainingOptions(TrainConfig config) {
        return LoaderOptions.training(config.batchSize(), config.seed()).withWorkers(config.workers())
                .withBadSampleLimit(config.maxBadFraction(), MIN_SAMPLES_FOR_BAD_CHECK);
    }

    /** In-order batches keeping the last partial one, for evaluation. */
    static LoaderOptions evaluationOptions(TrainConfig config) {
        return LoaderOptions.evaluation(config.batchSize()).withWorkers(config.workers())
                .withBadSampleLimit(config.maxBadFraction(), MIN_SAMPLES_FOR_BAD_CHECK);
    }
}
