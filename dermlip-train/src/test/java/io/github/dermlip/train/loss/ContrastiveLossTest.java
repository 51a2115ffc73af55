package io.github.dermlip.train.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.model.ClipOutput;
import org.junit.jupiter.api.Test;

/**
 * Both losses on a 3x3 case worked out by hand. Features (already unit length):
 * I = [[1,0],[0,1],[0.6,0.8]], T = [[1,0],[0.6,0.8],[0,1]], exp(logit_scale) = 2, bias -1, so the logits are
 * 2 I T^T = [[2, 1.2, 0], [0, 1.6, 2], [1.2, 2, 1.6]].
 */
class ContrastiveLossTest {
    /** (mean_i [lse(row_i) - L_ii] + mean_j [lse(col_j) - L_jj]) / 2 for the logits above. */
    private static final double CLIP_EXPECTED = 0.8675155521659494;
    /** sum_ij log(1 + exp(-y_ij (L_ij - 1))) / 3 with y = 2 eye - 1. */
    private static final double SIGLIP_EXPECTED = 2.012520692442023;

    @Test
    void clipLossMatchesTheHandComputedValue() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(CLIP_EXPECTED, new ClipLoss().compute(output(manager, false)).getFloat(), 1e-6);
        }
    }

    @Test
    void clipLossOfTheRowEntriesByHand() {
        // cross-entropy of row 0 alone: log(e^2 + e^1.2 + e^0) - 2
        double row0 = Math.log(Math.exp(2) + Math.exp(1.2) + 1) - 2;
        double row1 = Math.log(1 + Math.exp(1.6) + Math.exp(2)) - 1.6;
        double row2 = Math.log(Math.exp(1.2) + Math.exp(2) + Math.exp(1.6)) - 1.6;
        double col0 = Math.log(Math.exp(2) + 1 + Math.exp(1.2)) - 2;
        double col1 = Math.log(Math.exp(1.2) + Math.exp(1.6) + Math.exp(2)) - 1.6;
        double col2 = Math.log(1 + Math.exp(2) + Math.exp(1.6)) - 1.6;
        assertEquals(((row0 + row1 + row2) / 3 + (col0 + col1 + col2) / 3) / 2, CLIP_EXPECTED, 1e-12);
    }

    @Test
    void sigLipLossMatchesTheHandComputedValue() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(SIGLIP_EXPECTED, new SigLipLoss().compute(output(manager, true)).getFloat(), 1e-5);
        }
    }

    @Test
    void sigLipLossNeedsABias() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> new SigLipLoss().compute(output(manager, false)));
        }
    }

    @Test
    void lossKindsParseTheirFlags() {
        assertEquals(LossKind.SIGLIP, LossKind.parse("siglip"));
        assertEquals(ClipLoss.class, LossKind.parse("CLIP").newLoss().getClass());
        assertThrows(IllegalArgumentException.class, () -> LossKind.parse("triplet"));
    }

    private static ClipOutput output(NDManager manager, boolean withBias) {
        NDArray image = manager.create(new float[] {1, 0, 0, 1, 0.6f, 0.8f}).reshape(3, 2);
        NDArray text = manager.create(new float[] {1, 0, 0.6f, 0.8f, 0, 1}).reshape(3, 2);
        return new ClipOutput(image, text, manager.create(2f), withBias ? manager.create(-1f) : null);
    }
}
