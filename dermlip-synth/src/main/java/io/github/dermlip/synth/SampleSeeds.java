package io.github.dermlip.synth;

/**
 * Derives the seed of one sample from the dataset seed, its split and its index with the SplitMix64 finaliser, so any
 * sample can be generated on its own, on any thread, in any order.
 */
public final class SampleSeeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SampleSeeds() {
    }

    /** The seed of sample {@code index} of {@code split} in a dataset generated with {@code datasetSeed}. */
    public static long of(long datasetSeed, DatasetSplit split, int index) {
        long h = mix(datasetSeed + GOLDEN_GAMMA);
        h = mix(h + split.streamId() * GOLDEN_GAMMA);
        return mix(h + (index + 1L) * GOLDEN_GAMMA);
    }

    /** The SplitMix64 finaliser: a bijective, well-scrambling 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
