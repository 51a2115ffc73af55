package io.github.dermlip.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * A streamed data set of WebDataset tar shards ({@code key.jpg|jpeg|png|webp} + {@code key.txt}), read in
 * constant memory: one shard open at a time and at most {@code shuffleBufferSize} samples held.
 *
 * <p>Epoch order with shuffling: the shards in the order {@link Permutations#shuffled} gives with
 * {@code new SplittableRandom(EpochSeeds.shardOrder(seed, epoch))}, their samples passed through a
 * {@link ShuffleBuffer} of {@code shuffleBufferSize} driven by
 * {@code new SplittableRandom(EpochSeeds.shuffleBuffer(seed, epoch))}. Without shuffling: shards as listed,
 * samples as stored.
 *
 * <p>Resuming at position {@code start} re-reads the epoch from its beginning and drops the first
 * {@code start} samples: their bytes are read from disk and pass through the shuffle buffer, but nothing is
 * decoded. The cost is reading the skipped part of the epoch's shards (sequential I/O and tar parsing, no
 * image decoding), so resuming late in an epoch takes about as long as copying that much data.
 */
public final class WebDatasetSource implements SampleSource {
    private final List<Path> shards;
    private final int shuffleBufferSize;
    private final ShardOpener opener;

    /**
     * Creates a source over the given shards.
     *
     * @param shards the shard files, in their unshuffled order
     * @param shuffleBufferSize samples held by the shuffle buffer (1 turns sample shuffling off)
     * @param opener how shard files are opened
     */
    public WebDatasetSource(List<Path> shards, int shuffleBufferSize, ShardOpener opener) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("a WebDataset source needs at least one shard");
        }
        if (shuffleBufferSize < 1) {
            throw new IllegalArgumentException("shuffle buffer size must be >= 1, got " + shuffleBufferSize);
        }
        this.shards = List.copyOf(shards);
        this.shuffleBufferSize = shuffleBufferSize;
        this.opener = opener;
    }

    /**
     * Creates a source from shard patterns such as {@code data/shards-{000000..000099}.tar} (see
     * {@link ShardPattern}), opening plain files.
     *
     * @throws NoSuchFileException when a named shard does not exist
     */
    public static WebDatasetSource fromPatterns(List<String> patterns, int shuffleBufferSize) throws IOException {
        List<Path> shards = new ArrayList<>();
        for (String pattern : patterns) {
            for (String shard : ShardPattern.expand(pattern)) {
                Path path = Path.of(shard);
                if (!Files.isRegularFile(path)) {
                    throw new NoSuchFileException(shard, null,
                            "shard named by pattern '" + pattern + "' does not exist");
                }
                shards.add(path);
            }
        }
        return new WebDatasetSource(shards, shuffleBufferSize, Files::newInputStream);
    }

    /** The shards, in their unshuffled order. */
    public List<Path> shards() {
        return shards;
    }

    /** The shard order of an epoch. */
    public List<Path> epochShards(int epoch, long seed, boolean shuffle) {
        int[] order = shuffle
                ? Permutations.shuffled(shards.size(), new SplittableRandom(EpochSeeds.shardOrder(seed, epoch)))
                : Permutations.identity(shards.size());
        List<Path> ordered = new ArrayList<>(order.length);
        for (int index : order) {
            ordered.add(shards.get(index));
        }
        return ordered;
    }

    @Override
    public SampleStream open(int epoch, long seed, boolean shuffle, long start) throws IOException {
        if (start < 0) {
            throw new IllegalArgumentException("start must be >= 0, got " + start);
        }
        SampleStream stream = new ShardSequence(epochShards(epoch, seed, shuffle), opener);
        if (shuffle && shuffleBufferSize > 1) {
            stream = new ShuffleBuffer(stream, shuffleBufferSize,
                    new SplittableRandom(EpochSeeds.shuffleBuffer(seed, epoch)));
        }
        try {
            long skipped = 0;
            while (skipped < start && stream.next() != null) {
                skipped++;
            }
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
        return stream;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.empty();
    }

    @Override
    public String description() {
        return shards.size() + " WebDataset shard(s) from " + shards.get(0);
    }

    /** The samples of several shards one after the other, opening each shard only when reached. */
    private static final class ShardSequence implements SampleStream {
        private final List<Path> shards;
        private final ShardOpener opener;
        private int nextShard;
        private TarSampleReader current;

        ShardSequence(List<Path> shards, ShardOpener opener) {
            this.shards = shards;
            this.opener = opener;
        }

        @Override
        public Sample next() throws IOException {
            while (true) {
                if (current == null) {
                    if (nextShard == shards.size()) {
                        return null;
                    }
                    Path shard = shards.get(nextShard++);
                    current = new TarSampleReader(shard.toString(), opener.open(shard));
                }
                Sample sample = current.next();
                if (sample != null) {
                    return sample;
                }
                current.close();
                current = null;
            }
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
