package io.github.dermlip.eval.task;

import io.github.dermlip.eval.probe.FeatureCache;
import io.github.dermlip.eval.probe.FeatureKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Frozen image features of a dataset, read from a {@link FeatureCache} when present and encoded (then stored)
 * otherwise. The cache key is the model's {@link EmbeddingModel#id()}, the dataset name and the hash of the
 * image paths in order, so a different model, dataset or file list never reuses stale features.
 */
final class ImageFeatures {
    private ImageFeatures() {}

    /**
     * The normalized image embeddings of {@code images}, one row per image.
     *
     * @param cacheDir the cache folder, or null to encode without caching
     */
    static float[][] of(EmbeddingModel model, String dataset, List<Path> images, Path cacheDir) throws IOException {
        if (cacheDir == null) {
            return model.encodeImages(images);
        }
        FeatureCache cache = new FeatureCache(cacheDir);
        FeatureKey key = FeatureKey.of(model.id(), dataset, images.stream().map(Path::toString).toList());
        Optional<float[][]> cached = cache.load(key);
        if (cached.isPresent() && cached.get().length == images.size()) {
            return cached.get();
        }
        float[][] features = model.encodeImages(images);
        cache.store(key, features);
        return features;
    }
}
