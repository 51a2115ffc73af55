package io.github.dermlip.eval.probe;

/**
 * Keeps a fraction of the training set per class, as DermLIP's data-efficiency probes do: class {@code c} with
 * {@code n_c} rows keeps {@code max(1, floor(n_c * fraction))} rows, drawn at random with a seed. The counts
 * match DermLIP's {@code load_data_balanced}; which rows are drawn cannot, since it uses pandas' random stream.
 */
public final class PercentSubsampler {
    private PercentSubsampler() {}

    /**
     * The kept rows.
     *
     * @param labels class of every training row
     * @param fraction kept share, in (0, 1]
     * @param seed random seed
     * @return kept row indices, ascending
     */
    public static int[] sample(int[] labels, double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must lie in (0, 1], got " + fraction);
        }
        return StratifiedDraw.draw(labels, size -> Math.max(1, (int) Math.floor(size * fraction)), seed);
    }
}
