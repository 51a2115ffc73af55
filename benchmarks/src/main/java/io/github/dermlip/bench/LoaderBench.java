package io.github.dermlip.bench;

import io.github.dermlip.core.config.PreprocessConfig;
import io.github.dermlip.core.image.AugmentationConfig;
import io.github.dermlip.core.image.ImageDecoder;
import io.github.dermlip.core.image.TrainTransform;
import io.github.dermlip.train.data.BatchIterator;
import io.github.dermlip.train.data.BatchLoader;
import io.github.dermlip.train.data.LoaderOptions;
import io.github.dermlip.train.data.ManifestEntry;
import io.github.dermlip.train.data.ManifestSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data-loader row: a {@link BatchLoader} over a folder of JPEGs with open_clip's training transform
 * ({@link TrainTransform}: RandomResizedCrop with scale (0.9, 1), Pillow bicubic resize to the model size,
 * normalization) and {@link ImageDecoder#decode}, timed over one epoch after a warm-up epoch.
 */
public final class LoaderBench {
    private static final long SEED = 1;

    private LoaderBench() {}

    /**
     * Images per second through the loader.
     *
     * @param dir folder holding {@code files}
     * @param imageSize the model's input size
     * @param workers decoding threads
     * @param batch samples per batch
     */
    public static double imagesPerSecond(Path dir, List<String> files, int imageSize, int workers, int batch) {
        List<ManifestEntry> entries = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            entries.add(new ManifestEntry(files.get(i), "synthetic lesion " + i));
        }
        ManifestSource source = new ManifestSource("benchmark JPEGs", dir, entries);
        TrainTransform transform = new TrainTransform(PreprocessConfig.defaults(imageSize), AugmentationConfig.DEFAULT);
        LoaderOptions options = LoaderOptions.training(batch, SEED).withWorkers(workers);
        try (BatchLoader loader = new BatchLoader(source, transform, ImageDecoder::decode, options)) {
            drain(loader.iterator(0));
            long start = System.nanoTime();
            long images = drain(loader.iterator(1));
            return images / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static long drain(BatchIterator pass) {
        long images = 0;
        try (pass) {
            while (pass.hasNext()) {
                images += pass.next().size();
            }
        }
        return images;
    }
}
