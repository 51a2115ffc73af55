package io.github.dermlip.train.data;

import io.github.dermlip.core.image.ImageLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * An indexed data set read from a manifest: every row is known up front, so an epoch is a permutation of
 * the rows and resuming at any position costs nothing.
 *
 * <p>Epoch order: with shuffling, {@link Permutations#shuffled} driven by
 * {@code new SplittableRandom(EpochSeeds.permutation(seed, epoch))}; without, manifest order. A sample's key
 * is its image path as written in the manifest (or {@code record N} when that cell is blank), and its
 * bytes are read from {@code imageRoot.resolve(path)} when a worker needs them.
 */
public final class ManifestSource implements SampleSource {
    private final String description;
    private final Path imageRoot;
    private final String[] imagePaths;
    private final String[] captions;

    /**
     * Creates a source over the given rows.
     *
     * @param description the manifest's name, used as every sample's origin
     * @param imageRoot folder that relative image paths resolve against
     * @param entries the rows in manifest order
     */
    public ManifestSource(String description, Path imageRoot, List<ManifestEntry> entries) {
        this.description = description;
        this.imageRoot = imageRoot.toAbsolutePath().normalize();
        this.imagePaths = new String[entries.size()];
        this.captions = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            imagePaths[i] = entries.get(i).imagePath();
            captions[i] = entries.get(i).caption();
        }
    }

    /**
     * Reads a manifest, choosing the format by its name: {@code *.jsonl} and {@code *.ndjson} are JSON lines,
     * anything else CSV/TSV.
     */
    public static ManifestSource read(Path manifest, ManifestOptions options) throws IOException {
        String name = manifest.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JsonlManifestReader.read(manifest, options);
        }
        return CsvManifestReader.read(manifest, options);
    }

    /**
     * Fails with the first row whose image path, resolved and normalized, lies outside the image root ({@code ../}
     * escapes, absolute paths elsewhere). The check is on the path as written; a symbolic link inside the root is
     * followed as usual.
     */
    public void requirePathsInsideImageRoot() throws ManifestException {
        for (int row = 0; row < imagePaths.length; row++) {
            String path = imagePaths[row];
            if (!path.isBlank() && !imageRoot.resolve(path).normalize().startsWith(imageRoot)) {
                throw new ManifestException(description + ": record " + (row + 1) + ": image path '" + path
                        + "' leaves the image root " + imageRoot + " (--confine-paths)");
            }
        }
    }

    /** Number of rows. */
    public int rows() {
        return imagePaths.length;
    }

    /** Row {@code index} as read from the manifest. */
    public ManifestEntry entry(int index) {
        return new ManifestEntry(imagePaths[index], captions[index]);
    }

    /** The folder relative image paths resolve against. */
    public Path imageRoot() {
        return imageRoot;
    }

    /** The rows' indices in the epoch's training order. */
    public int[] epochOrder(int epoch, long seed, boolean shuffle) {
        return shuffle
                ? Permutations.shuffled(rows(), new SplittableRandom(EpochSeeds.permutation(seed, epoch)))
                : Permutations.identity(rows());
    }

    @Override
    public SampleStream open(int epoch, long seed, boolean shuffle, long start) {
        if (start < 0) {
            throw new IllegalArgumentException("start must be >= 0, got " + start);
        }
        int[] order = epochOrder(epoch, seed, shuffle);
        return new SampleStream() {
            private long next = start;

            @Override
            public Sample next() {
                if (next >= order.length) {
                    return null;
                }
                return sample(order[(int) next++]);
            }

            @Override
            public void close() {
                // nothing is held open: rows are in memory and images are read by the workers
            }
        };
    }

    private Sample sample(int row) {
        String path = imagePaths[row];
        if (path.isBlank()) {
            return new Sample("record " + (row + 1), description, captions[row], null);
        }
        Path file = imageRoot.resolve(path);
        return new Sample(path, description, captions[row], () -> ImageLimits.defaults().readFile(file));
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(rows());
    }

    @Override
    public String description() {
        return description;
    }
}
