package io.github.dermlip.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reference optima were computed in Python (NumPy 1.24, SciPy 1.10) by minimizing scikit-learn's objective
 * {@code C sum_i CE_i + ||W||^2 / 2} (intercepts unpenalized) on the float64 arrays below with
 * {@code scipy.optimize.minimize(method='BFGS', jac=True, options={'gtol': 1e-13})}. scikit-learn 1.2.1's
 * {@code LogisticRegression(C=..., tol=1e-12)} stops earlier, at {@code max|grad|} about 2e-5 (its lbfgs also
 * stops on {@code ftol = 64 eps}); its coefficients agree with these to 1e-5, e.g. {@code coef_[0][0] =
 * -0.5400799185668288}.
 */
class LogisticRegressionProbeTest {
    private static final float[][] X = {
        {0.0f, 0.3f, -0.27f}, {0.11f, -0.45f, -0.99f}, {0.06f, 2.34f, -0.49f}, {-0.62f, 0.49f, 0.36f},
        {1.11f, -0.93f, -0.03f}, {0.7f, -0.34f, -0.46f}, {-1.9f, -1.29f, -1.84f}, {0.76f, -1.27f, 0.27f},
        {0.16f, 0.81f, -2.52f}, {-0.54f, -0.05f, 0.11f}, {-0.53f, -0.48f, -0.98f}, {-0.81f, 2.06f, -0.81f},
        {-0.03f, 0.88f, -0.58f}, {0.89f, 0.11f, 0.06f}, {-1.23f, 1.08f, 1.36f}};
    private static final int[] Y = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
    private static final double[][] OPTIMAL_COEF = {
        {-0.5400749468680881, -0.08921447948887759, 0.06678843275859822},
        {0.5627245345095406, -0.7508167732217358, 0.049416979590938576},
        {-0.02264958764145247, 0.8400312527106132, -0.11620541234953682}};
    private static final double[] OPTIMAL_INTERCEPT = {0.13935446146022304, 0.12301519366402375, -0.26236965512424654};
    private static final double SKLEARN_COEF_00 = -0.5400799185668288;

    @Test
    void multinomialReachesTheScikitLearnOptimum() {
        ProbeFit fit = new LogisticRegressionProbe(0.7, 1000, 1e-9).fit(X, Y, 3);
        assertTrue(fit.converged(), fit.solverStatus());
        LinearClassifier classifier = fit.classifier();
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(OPTIMAL_COEF[k], classifier.weights()[k], 1e-6);
        }
        assertArrayEquals(OPTIMAL_INTERCEPT, classifier.intercepts(), 1e-6);
        assertEquals(SKLEARN_COEF_00, classifier.weights()[0][0], 2e-5);
        double[][] proba = classifier.predictProba(new float[][] {{0.5f, -0.2f, 1.0f}, {-1.0f, 2.0f, 0.3f}});
        assertArrayEquals(new double[] {0.28449971416030545, 0.544975983831713, 0.17052430200798166}, proba[0], 1e-6);
        assertArrayEquals(new double[] {0.2850511720435672, 0.024658309488079334, 0.6902905184683534}, proba[1], 1e-6);
    }

    @Test
    void gradientOfTheScikitLearnObjectiveVanishesAtTheSolution() {
        double c = 0.7;
        LinearClassifier classifier = LogisticRegressionProbe.withC(c).fit(X, Y, 3).classifier();
        double[][] w = classifier.weights();
        double[] b = classifier.intercepts();
        // Gradient of C * sum_i CE_i + ||W||^2 / 2, written out independently of the production code.
        double[][] gradW = new double[3][3];
        double[] gradB = new double[3];
        for (int i = 0; i < X.length; i++) {
            double[] z = new double[3];
            double norm = 0;
            for (int k = 0; k < 3; k++) {
                z[k] = b[k] + w[k][0] * X[i][0] + w[k][1] * X[i][1] + w[k][2] * X[i][2];
                norm += Math.exp(z[k]);
            }
            for (int k = 0; k < 3; k++) {
                double residual = Math.exp(z[k]) / norm - (Y[i] == k ? 1 : 0);
                gradB[k] += c * residual;
                for (int d = 0; d < 3; d++) {
                    gradW[k][d] += c * residual * X[i][d];
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(0, gradB[k], 1e-4);
            for (int d = 0; d < 3; d++) {
                assertEquals(0, gradW[k][d] + w[k][d], 1e-4);
            }
        }
    }

    @Test
    void binaryOptimumDerivedByHand() {
        // Points x = +1 (label 1) and x = -1 (label 0). By symmetry b = 0 and the objective is
        // 2 C log(1 + e^-w) + w^2 / 2, stationary where w = 2 C sigmoid(-w). Choosing C = 1 / (2 sigmoid(-1))
        // puts the optimum at w = 1.
        double c = 1 / (2 / (1 + Math.E));
        ProbeFit fit = new LogisticRegressionProbe(c, 1000, 1e-9).fit(new float[][] {{1}, {-1}}, new int[] {1, 0}, 2);
        assertEquals(1.0, fit.classifier().weights()[1][0], 1e-8);
        assertEquals(0.0, fit.classifier().intercepts()[1], 1e-8);
        double[] p = fit.classifier().predictProba(new float[][] {{1}})[0];
        assertEquals(1 / (1 + Math.exp(-1)), p[1], 1e-8);
    }

    @Test
    void binaryProblemWithAnAbsentClassReachesTheScikitLearnOptimum() {
        // scikit-learn fits binary labels with one logistic weight vector for the larger label (here 2).
        float[][] x = {{-1.55f, 0.86f}, {1.62f, 0.86f}, {2.0f, 0.76f}, {0.3f, 1.57f}, {0.58f, -0.19f},
            {2.18f, 1.43f}, {0.67f, 1.44f}, {0.82f, 1.7f}, {-0.46f, 0.13f}, {0.31f, 0.92f}};
        int[] y = {0, 2, 0, 2, 0, 2, 0, 2, 0, 2};
        ProbeFit fit = new LogisticRegressionProbe(2.0, 1000, 1e-9).fit(x, y, 3);
        LinearClassifier classifier = fit.classifier();
        assertArrayEquals(new int[] {0, 2}, classifier.classes());
        assertArrayEquals(new double[] {0.525806583132616, 1.2576059303689968}, classifier.weights()[1], 1e-6);
        assertEquals(-1.571066586045236, classifier.intercepts()[1], 1e-6);
        double[] p = classifier.predictProba(new float[][] {{0.3f, 0.9f}})[0];
        assertArrayEquals(new double[] {0.5699088502403797, 0.0, 0.4300911497596203}, p, 1e-6);
    }

    @Test
    void flatAndNestedFeaturesGiveTheSameFit() {
        float[] flat = new float[X.length * 3];
        for (int i = 0; i < X.length; i++) {
            System.arraycopy(X[i], 0, flat, i * 3, 3);
        }
        LogisticRegressionProbe probe = LogisticRegressionProbe.withC(1.3);
        LinearClassifier nested = probe.fit(X, Y, 3).classifier();
        LinearClassifier fromFlat = probe.fit(flat, 3, Y, 3).classifier();
        assertArrayEquals(nested.intercepts(), fromFlat.intercepts(), 0);
        assertArrayEquals(nested.predictProba(X)[4], fromFlat.predictProba(flat, X.length)[4], 0);
        assertArrayEquals(nested.predict(X), fromFlat.predict(X));
    }

    @Test
    void reportsAnUnconvergedFitHonestly() {
        ProbeFit fit = new LogisticRegressionProbe(0.7, 2, 1e-9).fit(X, Y, 3);
        assertEquals(2, fit.iterations());
        assertEquals(false, fit.converged());
        assertEquals("LBFGSERR_MAXIMUMITERATION", fit.solverStatus());
        assertTrue(fit.largestGradient() > 1e-9);
        ProbeFit converged = LogisticRegressionProbe.withC(0.7).fit(X, Y, 3);
        assertTrue(converged.converged() && converged.largestGradient() <= 1e-6, converged.toString());
        assertTrue(converged.objective() < fit.objective());
    }

    @Test
    void dermlipCostRuleAndValidation() {
        assertEquals(76.8, LogisticRegressionProbe.dermlipC(768, 10), 1e-12);
        assertEquals(76.8, LogisticRegressionProbe.dermlip(768, 10).c(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LogisticRegressionProbe.withC(0));
        assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionProbe.withC(1).fit(X, new int[X.length], 3));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegressionProbe.withC(1).fit(X, Y, 2));
    }
}
