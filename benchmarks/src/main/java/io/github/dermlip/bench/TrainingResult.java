package io.github.dermlip.bench;

/**
 * What the training-step row measured.
 *
 * @param samplesPerSecond the median over the timed steps of batch size / step time
 * @param peakRssMib the peak resident memory of the training process in MiB
 * @param medianStep the median of each phase's time over the timed steps (phases taken separately)
 * @param fastestStep the shortest timed step in seconds, a hint at how much machine load slowed the median
 * @param steps number of timed steps
 * @param matmulPeakGflops the best fp32 matmul rate measured in the same process just before and just after the
 *     steps, the MFU denominator taken under the same machine load as the steps
 */
public record TrainingResult(double samplesPerSecond, double peakRssMib, StepTimes medianStep, double fastestStep,
        int steps, double matmulPeakGflops) {

    /** Summarizes the timed steps of a run with batches of {@code batch}. */
    public static TrainingResult of(int batch, StepTimes[] timed, double peakRssMib, double matmulPeakGflops) {
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
        double fastest = Double.POSITIVE_INFINITY;
        for (double t : total) {
            fastest = Math.min(fastest, t);
        }
        return new TrainingResult(Medians.of(rates), peakRssMib, median, fastest, n, matmulPeakGflops);
    }
}
