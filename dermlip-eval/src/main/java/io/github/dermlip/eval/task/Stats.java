package io.github.dermlip.eval.task;

/** Mean and spread of a few values (seeds), ignoring NaN entries. */
final class Stats {
    private Stats() {}

    /** Mean of the finite values; NaN when there is none. */
    static double mean(double[] values) {
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Population standard deviation ({@code ddof=0}) of the finite values; NaN when there is none. */
    static double populationStd(double[] values) {
        double mean = mean(values);
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += (v - mean) * (v - mean);
                count++;
            }
        }
        return count == 0 ? Double.NaN : Math.sqrt(sum / count);
    }
}
