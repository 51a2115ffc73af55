package io.github.dermlip.eval.probe;

import com.github.lbfgs4j.liblbfgs.Lbfgs;
import com.github.lbfgs4j.liblbfgs.LbfgsConstant.LBFGS_Param;
import com.github.lbfgs4j.liblbfgs.LbfgsConstant.ReturnValue;
import com.github.lbfgs4j.liblbfgs.MutableDouble;
import java.util.Arrays;

/**
 * Linear probe: L2-regularized logistic regression on frozen image features, minimizing the objective of
 * scikit-learn's {@code LogisticRegression(C=c, max_iter=1000)} (lbfgs solver):
 * {@code C sum_i CE_i + ||W||^2 / 2}, intercepts not penalized, features used as given (not standardized,
 * as in DermLIP). With three or more training classes the model is multinomial (softmax); with two it is
 * scikit-learn's binary logistic model, a single weight vector for the larger label.
 *
 * <p>The objective is strictly convex in {@code W}, so its minimizer is unique and the probe matches
 * scikit-learn up to the solvers' stopping tolerances. Multinomial intercepts are only defined up to a common
 * shift; they are returned centered to sum to zero (the point scikit-learn's lbfgs path reaches from zero).
 * Classes absent from the training labels are not modelled and get probability 0, as scikit-learn only fits the
 * classes it sees. A binary model is stored as two weight rows, zeros for the smaller label and scikit-learn's
 * {@code coef_} for the larger, so that the softmax reproduces {@code [1 - sigmoid(z), sigmoid(z)]}.
 *
 * <p>The optimizer is lbfgs4j, a Java port of Okazaki's liblbfgs (MIT licence): L-BFGS with 10 correction
 * pairs (scipy's default) and the More-Thuente line search. It minimizes the objective divided by {@code C n}
 * (the mean loss plus {@code ||W||^2 / (2 C n)}, whose gradient does not grow with the data set) and stops when
 * the largest absolute gradient entry is at most {@code tolerance} (scipy's {@code pgtol} rule), when the
 * objective has decreased by less than a relative 1e-12 over ten iterations (stagnation), or after
 * {@code maxIterations} iterations. The default tolerance 1e-6 is tighter than scikit-learn 1.2's lbfgs stop
 * (its {@code ftol} usually ends the run first), so the probe lands at least as close to the optimum. A maintained permissive alternative with a multinomial solver and
 * adjustable stopping rules was not found on Maven Central (Smile's optimizer is LGPL/GPL, OpenNLP's hard-codes
 * a loose tolerance, liblinear is one-vs-rest).
 *
 * <p>DermLIP's default C rule is {@link #dermlipC(int, int)}. Note that DermLIP's own script trains a PyTorch
 * L-BFGS on {@code mean CE + ||W||_2 / (2 C)} (an unsquared norm) unless {@code use_sklearn} is set; this
 * class follows the scikit-learn objective.
 *
 * @param c inverse regularization strength, positive
 * @param maxIterations L-BFGS iteration cap (scikit-learn's {@code max_iter})
 * @param tolerance stopping threshold on the largest absolute gradient entry of the mean-scaled objective
 */
public record LogisticRegressionProbe(double c, int maxIterations, double tolerance) {
    /** scikit-learn's and DermLIP's iteration cap. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;
    /** Default stopping threshold on the largest absolute gradient entry of the mean-scaled objective. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    private static final int STAGNATION_WINDOW = 10;
    private static final double STAGNATION_DECREASE = 1e-12;
    private static final int CORRECTIONS = 10;
    private static final int MAX_LINE_SEARCH = 50;

    /** Validates the settings. */
    public LogisticRegressionProbe {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be positive and finite, got " + c);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
    }

    /** A probe with the given C and default iteration cap and tolerance. */
    public static LogisticRegressionProbe withC(double c) {
        return new LogisticRegressionProbe(c, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
    }

    /** DermLIP's probe: {@code C = featureDim * trainClasses / 100}. */
    public static LogisticRegressionProbe dermlip(int featureDim, int trainClasses) {
        return withC(dermlipC(featureDim, trainClasses));
    }

    /** DermLIP's C rule, {@code featureDim * number of distinct training labels / 100}. */
    public static double dermlipC(int featureDim, int trainClasses) {
        if (featureDim < 1 || trainClasses < 1) {
            throw new IllegalArgumentException("featureDim and trainClasses must be positive, got " + featureDim
                    + " and " + trainClasses);
        }
        return featureDim * (double) trainClasses / 100.0;
    }

    /**
     * Fits the probe.
     *
     * @param features {@code [n][dim]} training features
     * @param labels training class of every row, in {@code [0, numClasses)}
     * @param numClasses K, the width of predicted probability rows
     */
    public ProbeFit fit(float[][] features, int[] labels, int numClasses) {
        if (features.length != labels.length) {
            throw new IllegalArgumentException("features (" + features.length + " rows) and labels ("
                    + labels.length + ") differ in length");
        }
        int dim = features.length == 0 ? 0 : features[0].length;
        float[] flat = new float[Math.multiplyExact(features.length, dim)];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != dim) {
                throw new IllegalArgumentException("feature row " + i + " has " + features[i].length
                        + " values, expected " + dim);
            }
            System.arraycopy(features[i], 0, flat, i * dim, dim);
        }
        return fitFlat(flat, dim, labels, numClasses);
    }

    /** Fits the probe on row-major flat {@code labels.length x dim} features. */
    public ProbeFit fit(float[] features, int dim, int[] labels, int numClasses) {
        if (dim < 1 || features.length != (long) labels.length * dim) {
            throw new IllegalArgumentException("flat features must hold labels.length*dim = "
                    + (long) labels.length * dim + " values, got " + features.length);
        }
        return fitFlat(features, dim, labels, numClasses);
    }

    private ProbeFit fitFlat(float[] features, int dim, int[] labels, int numClasses) {
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new IllegalArgumentException("feature row " + i / dim + " holds a non-finite value");
            }
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " outside [0, "
                        + numClasses + ")");
            }
        }
        int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
        if (classes.length < 2) {
            throw new IllegalArgumentException("logistic regression needs at least two classes in the training"
                    + " labels, got " + classes.length);
        }
        boolean binomial = classes.length == 2;
        int[] targets = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            targets[i] = Arrays.binarySearch(classes, labels[i]);
        }
        LogisticObjective objective = new LogisticObjective(features, targets, dim, binomial ? 1 : classes.length, c);
        double[] parameters = new double[objective.parameterCount()];
        int[] iterations = {0};
        ReturnValue status = Lbfgs.lbfgs(parameters.length, parameters, new MutableDouble(), objective,
                (instance, x, g, fx, xnorm, gnorm, step, n, k, ls) -> {
                    iterations[0] = k;
                    return maxAbs(g) <= tolerance ? ReturnValue.LBFGS_STOP : ReturnValue.LBFGS_SUCCESS;
                }, null, solverParameters());
        double[] gradient = new double[parameters.length];
        double value = objective.valueAndGradient(parameters, gradient);
        double largestGradient = maxAbs(gradient);
        LinearClassifier classifier = binomial
                ? binomialClassifier(parameters, dim, classes, numClasses)
                : multinomialClassifier(parameters, dim, classes, numClasses);
        return new ProbeFit(classifier, c, iterations[0], value, largestGradient, largestGradient <= tolerance,
                status.name());
    }

    private LBFGS_Param solverParameters() {
        LBFGS_Param param = Lbfgs.defaultParams();
        param.m = CORRECTIONS;
        param.epsilon = 0;
        param.past = STAGNATION_WINDOW;
        param.delta = STAGNATION_DECREASE;
        param.max_iterations = maxIterations;
        param.max_linesearch = MAX_LINE_SEARCH;
        return param;
    }

    private static LinearClassifier multinomialClassifier(double[] parameters, int dim, int[] classes,
            int numClasses) {
        int m = classes.length;
        double[][] weights = new double[m][];
        double[] intercepts = Arrays.copyOfRange(parameters, m * dim, m * dim + m);
        for (int k = 0; k < m; k++) {
            weights[k] = Arrays.copyOfRange(parameters, k * dim, (k + 1) * dim);
        }
        double mean = Arrays.stream(intercepts).average().orElse(0);
        for (int k = 0; k < m; k++) {
            intercepts[k] -= mean;
        }
        return new LinearClassifier(numClasses, classes, weights, intercepts);
    }

    private static LinearClassifier binomialClassifier(double[] parameters, int dim, int[] classes, int numClasses) {
        double[][] weights = {new double[dim], Arrays.copyOf(parameters, dim)};
        double[] intercepts = {0, parameters[dim]};
        return new LinearClassifier(numClasses, classes, weights, intercepts);
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
