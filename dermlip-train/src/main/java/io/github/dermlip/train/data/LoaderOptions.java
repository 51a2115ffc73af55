package io.github.dermlip.train.data;

/**
 * How a {@link BatchLoader} batches, parallelizes and polices the data.
 *
 * @param batchSize samples per batch
 * @param workers threads decoding and transforming the samples of a batch in parallel
 * @param prefetchBatches finished batches that may wait for the training thread (memory bound)
 * @param seed the run's seed; orders and augmentations follow from it (see {@link EpochSeeds})
 * @param shuffle whether epochs are shuffled
 * @param dropLast whether a final batch with fewer than {@code batchSize} samples is dropped (open_clip's
 *     training behaviour) instead of returned smaller
 * @param maxBadFraction the largest share of bad samples tolerated; past it the pass fails
 * @param minSamplesForBadCheck samples to see before {@code maxBadFraction} is enforced
 * @param reportedBadSamples how many bad samples the report lists individually
 */
public record LoaderOptions(int batchSize, int workers, int prefetchBatches, long seed, boolean shuffle,
        boolean dropLast, double maxBadFraction, long minSamplesForBadCheck, int reportedBadSamples) {

    /** Default share of bad samples tolerated. */
    public static final double DEFAULT_MAX_BAD_FRACTION = 0.05;
    /** Default number of samples seen before the bad share is enforced. */
    public static final long DEFAULT_MIN_SAMPLES_FOR_BAD_CHECK = 1000;
    /** Default number of bad samples listed in reports. */
    public static final int DEFAULT_REPORTED_BAD_SAMPLES = 100;
    /** Default number of prefetched batches. */
    public static final int DEFAULT_PREFETCH_BATCHES = 2;

    /** Checks the ranges. */
    public LoaderOptions {
        requirePositive(batchSize, "batchSize");
        requirePositive(workers, "workers");
        requirePositive(prefetchBatches, "prefetchBatches");
        if (!(maxBadFraction >= 0 && maxBadFraction <= 1)) {
            throw new IllegalArgumentException("maxBadFraction must be within [0, 1], got " + maxBadFraction);
        }
        if (minSamplesForBadCheck < 0 || reportedBadSamples < 0) {
            throw new IllegalArgumentException("minSamplesForBadCheck and reportedBadSamples must be >= 0");
        }
    }

    /**
     * Training defaults: shuffled, final partial batch dropped, one worker per available processor,
     * {@value #DEFAULT_PREFETCH_BATCHES} batches prefetched, at most 5% bad samples once 1000 were seen.
     */
    public static LoaderOptions training(int batchSize, long seed) {
        return new LoaderOptions(batchSize, Runtime.getRuntime().availableProcessors(), DEFAULT_PREFETCH_BATCHES,
                seed, true, true, DEFAULT_MAX_BAD_FRACTION, DEFAULT_MIN_SAMPLES_FOR_BAD_CHECK,
                DEFAULT_REPORTED_BAD_SAMPLES);
    }

    /** Evaluation defaults: like {@link #training} but in data order and keeping the final partial batch. */
    public static LoaderOptions evaluation(int batchSize) {
        return training(batchSize, 0).withShuffle(false).withDropLast(false);
    }

    /** The same options with another worker count. */
    public LoaderOptions withWorkers(int newWorkers) {
        return new LoaderOptions(batchSize, newWorkers, prefetchBatches, seed, shuffle, dropLast, maxBadFraction,
                minSamplesForBadCheck, reportedBadSamples);
    }

    /** The same options with another prefetch depth. */
    public LoaderOptions withPrefetchBatches(int newPrefetchBatches) {
        return new LoaderOptions(batchSize, workers, newPrefetchBatches, seed, shuffle, dropLast, maxBadFraction,
                minSamplesForBadCheck, reportedBadSamples);
    }

    /** The same options with shuffling on or off. */
    public LoaderOptions withShuffle(boolean newShuffle) {
        return new LoaderOptions(batchSize, workers, prefetchBatches, seed, newShuffle, dropLast, maxBadFraction,
                minSamplesForBadCheck, reportedBadSamples);
    }

    /** The same options with drop-last on or off. */
    public LoaderOptions withDropLast(boolean newDropLast) {
        return new LoaderOptions(batchSize, workers, prefetchBatches, seed, shuffle, newDropLast, maxBadFraction,
                minSamplesForBadCheck, reportedBadSamples);
    }

    /** The same options with another bad-sample limit. */
    public LoaderOptions withBadSampleLimit(double newMaxBadFraction, long newMinSamplesForBadCheck) {
        return new LoaderOptions(batchSize, workers, prefetchBatches, seed, shuffle, dropLast, newMaxBadFraction,
                newMinSamplesForBadCheck, reportedBadSamples);
    }

    /** The same options listing another number of bad samples in reports. */
    public LoaderOptions withReportedBadSamples(int newReportedBadSamples) {
        return new LoaderOptions(batchSize, workers, prefetchBatches, seed, shuffle, dropLast, maxBadFraction,
                minSamplesForBadCheck, newReportedBadSamples);
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
