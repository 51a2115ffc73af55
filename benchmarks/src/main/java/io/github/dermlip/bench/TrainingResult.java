package io.github.dermlip.bench;

/**
 * What the training-step row measured.
 *
 * @param samplesPerSecond the median over the timed steps of batch size / step time
 * @param peakRssMib the peak resident memory of the training process in MiB
 * @param medianStep the median of each phase's time over the timed steps (phases taken separately)
 * @param steps number of timed steps
 */
public record TrainingResult(double samplesPerSecond, double peakRssMib, StepTimes medianStep, int steps) {

    /** Summarizes the timed steps of a run with batches of {@code batch}. */
    public static TrainingResult of(int batch, StepTimes[] timed, double peakRssMib) {
        int n = timed.length;
        double[] rates = new double[n];
        double[] total = new double[n];
        double[] forwardBackward = new double[n];
        double[] clip = new double[n];
        double[] optimizer = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = batch / timed[i].total();
            total[i] = timed[i].total();
            forwardBackward[i] = timed[i].forwardBackward();
            clip[i] = timed[i].clip();
            optimizer[i] = timed[i].optimizer();
        }
        StepTimes median = new StepTimes(Medians.of(total), Medians.of(forwardBackward), Medians.of(clip),
                Medians.of(optimizer));
        return new TrainingResult(Medians.of(rates), peakRssMib, median, n);
    }
}
