package io.github.dermlip.eval.probe;

import com.github.lbfgs4j.liblbfgs.LbfgsConstant.LBFGS_Evaluate;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * scikit-learn's L2-regularized logistic loss divided by {@code C n}, so its gradient is of order one:
 * {@code f(W, b) = (1/n) sum_i loss_i + ||W||^2 / (2 C n)}, intercepts not penalized.
 *
 * <ul>
 *   <li>multinomial ({@code outputs = m >= 3} modelled classes): {@code loss_i = -log softmax(W x_i + b)[y_i]};</li>
 *   <li>binomial ({@code outputs = 1}, two classes): {@code loss_i = log(1 + exp(z_i)) - y_i z_i} with
 *       {@code z_i = w . x_i + b}, as scikit-learn fits binary problems.</li>
 * </ul>
 * Parameters are laid out as {@code outputs x dim} weights (row-major) followed by {@code outputs} intercepts.
 * Rows are split into a fixed number of contiguous chunks that depends only on {@code n}; chunks run in
 * parallel and their partial sums are added in chunk order, so values are bit-identical across thread counts.
 */
final class LogisticObjective implements LBFGS_Evaluate {
    private static final int MIN_CHUNK_ROWS = 256;
    private static final int MAX_CHUNKS = 64;

    private final float[] features;
    private final int[] targets;
    private final int n;
    private final int dim;
    private final int outputs;
    private final double penalty;
    private final int chunks;
    private final double[][] chunkGradients;
    private final double[] chunkLosses;

    /**
     * @param features row-major {@code n x dim}
     * @param targets per row: the modelled class index in {@code [0, outputs)} (multinomial) or 0/1 (binomial)
     * @param outputs number of logit rows: modelled classes, or 1 for a binomial model
     * @param c inverse regularization strength
     */
    LogisticObjective(float[] features, int[] targets, int dim, int outputs, double c) {
        this.features = features;
        this.targets = targets;
        this.n = targets.length;
        this.dim = dim;
        this.outputs = outputs;
        this.penalty = 1.0 / (c * n);
        this.chunks = Math.max(1, Math.min(MAX_CHUNKS, n / MIN_CHUNK_ROWS));
        this.chunkGradients = new double[chunks][parameterCount()];
        this.chunkLosses = new double[chunks];
    }

    /** Number of parameters: weights and intercepts. */
    int parameterCount() {
        return outputs * (dim + 1);
    }

    /** Number of weights; intercepts follow them in the parameter vector. */
    int weightCount() {
        return outputs * dim;
    }

    @Override
    public double eval(Object instance, double[] parameters, double[] gradient, int size, double step) {
        return valueAndGradient(parameters, gradient);
    }

    /** The objective at {@code parameters}, writing its gradient into {@code gradient}. */
    double valueAndGradient(double[] parameters, double[] gradient) {
        IntStream.range(0, chunks).parallel().forEach(chunk -> accumulateChunk(chunk, parameters));
        Arrays.fill(gradient, 0);
        double loss = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
            loss += chunkLosses[chunk];
            double[] partial = chunkGradients[chunk];
            for (int p = 0; p < gradient.length; p++) {
                gradient[p] += partial[p];
            }
        }
        double squaredNorm = 0;
        for (int p = 0; p < gradient.length; p++) {
            gradient[p] /= n;
        }
        for (int p = 0; p < weightCount(); p++) {
            squaredNorm += parameters[p] * parameters[p];
            gradient[p] += penalty * parameters[p];
        }
        return loss / n + 0.5 * penalty * squaredNorm;
    }

    private void accumulateChunk(int chunk, double[] parameters) {
        double[] gradient = chunkGradients[chunk];
        Arrays.fill(gradient, 0);
        double loss = 0;
        double[] logits = new double[outputs];
        int from = (int) ((long) n * chunk / chunks);
        int to = (int) ((long) n * (chunk + 1) / chunks);
        int interceptOffset = weightCount();
        for (int i = from; i < to; i++) {
            int rowOffset = i * dim;
            for (int k = 0; k < outputs; k++) {
                double z = parameters[interceptOffset + k];
                int weightOffset = k * dim;
                for (int d = 0; d < dim; d++) {
                    z += parameters[weightOffset + d] * features[rowOffset + d];
                }
                logits[k] = z;
            }
            loss += outputs == 1 ? binomialResidual(logits, targets[i]) : multinomialResiduals(logits, targets[i]);
            for (int k = 0; k < outputs; k++) {
                double residual = logits[k];
                if (residual != 0) {
                    int weightOffset = k * dim;
                    for (int d = 0; d < dim; d++) {
                        gradient[weightOffset + d] += residual * features[rowOffset + d];
                    }
                    gradient[interceptOffset + k] += residual;
                }
            }
        }
        chunkLosses[chunk] = loss;
    }

    /** Replaces {@code logits} by {@code softmax - onehot(target)} and returns the row's cross-entropy. */
    private static double multinomialResiduals(double[] logits, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (double z : logits) {
            sum += Math.exp(z - max);
        }
        double logNormalizer = max + Math.log(sum);
        double loss = logNormalizer - logits[target];
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - logNormalizer) - (k == target ? 1 : 0);
        }
        return loss;
    }

    /** Replaces {@code logits[0]} by {@code sigmoid(z) - y} and returns the row's logistic loss. */
    private static double binomialResidual(double[] logits, int target) {
        double z = logits[0];
        double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        double sigmoid = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        logits[0] = sigmoid - target;
        return softplus - target * z;
    }
}
