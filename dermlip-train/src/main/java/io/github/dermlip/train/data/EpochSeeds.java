package io.github.dermlip.train.data;

import java.util.SplittableRandom;

/**
 * Derives every random seed of the data pipeline from the run's seed, so that orders and augmentations
 * depend only on {@code (seed, epoch, position)} and never on threads or timing.
 *
 * <p>Each derived seed feeds a {@link SplittableRandom}: {@code new SplittableRandom(EpochSeeds.sample(seed,
 * epoch, position))} is the generator handed to the image transform for the candidate at {@code position}
 * (0-based, counted over all candidates of the epoch in training order, bad ones included). The values
 * are SplitMix64 hashes of the inputs and a per-purpose domain constant, so different purposes never
 * share a stream.
 */
public final class EpochSeeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long PERMUTATION = 1;
    private static final long SHARD_ORDER = 2;
    private static final long SHUFFLE_BUFFER = 3;
    private static final long SAMPLE = 4;

    private EpochSeeds() {}

    /** Seed of the epoch's permutation of an indexed (manifest) source. */
    public static long permutation(long seed, int epoch) {
        return derive(PERMUTATION, seed, epoch);
    }

    /** Seed of the epoch's shard order of a WebDataset source. */
    public static long shardOrder(long seed, int epoch) {
        return derive(SHARD_ORDER, seed, epoch);
    }

    /** Seed of the epoch's shuffle buffer of a WebDataset source. */
    public static long shuffleBuffer(long seed, int epoch) {
        return derive(SHUFFLE_BUFFER, seed, epoch);
    }

    /** Seed of the augmentation generator for the candidate at {@code position} of the epoch. */
    public static long sample(long seed, int epoch, long position) {
        return mix(derive(SAMPLE, seed, epoch) + GOLDEN_GAMMA * (position + 1));
    }

    private static long derive(long domain, long seed, int epoch) {
        long h = mix(domain * GOLDEN_GAMMA + seed);
        return mix(h + GOLDEN_GAMMA * (epoch + 1L));
    }

    /** SplitMix64's finalizer: a bijective, well-mixing hash of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
