package io.github.dermlip.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints the loader's throughput on 256 x 256 JPEGs resized to 64 px with 1, 2, ... workers (a measurement
 * to read, not a test). Arguments: {@code [images] [maxWorkers]}, default 512 and 2.
 */
public final class LoaderThroughputProbe {
    private LoaderThroughputProbe() {}

    /** Writes the images to a temporary folder, runs one warm-up and one timed epoch per worker count. */
    public static void main(String[] args) throws IOException {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int maxWorkers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory("dermlip-throughput");
        try {
            StringBuilder csv = new StringBuilder("filename,truncated_caption\n");
            for (int i = 0; i < images; i++) {
                Files.write(dir.resolve("img_" + i + ".jpg"), TestImages.jpeg(i, 256, 256));
                csv.append("img_").append(i).append(".jpg,caption ").append(i).append('\n');
            }
            ManifestSource source = CsvManifestReader.read(Files.writeString(dir.resolve("m.csv"), csv),
                    ManifestOptions.derm1m());
            NearestResizeTransform transform = new NearestResizeTransform(64, true);
            for (int workers = 1; workers <= maxWorkers; workers++) {
                LoaderOptions options = LoaderOptions.training(32, 1).withWorkers(workers);
                try (BatchLoader loader = new BatchLoader(source, transform, new ImageIoDecoder(), options)) {
                    count(loader.iterator(0));
                    long start = System.nanoTime();
                    long loaded = count(loader.iterator(1));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "workers=%d: %d images in %.2f s = %.0f images/s%n",
                            workers, loaded, seconds, loaded / seconds);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long count(BatchIterator pass) {
        long images = 0;
        try (pass) {
            while (pass.hasNext()) {
                images += pass.next().size();
            }
        }
        return images;
    }
}
