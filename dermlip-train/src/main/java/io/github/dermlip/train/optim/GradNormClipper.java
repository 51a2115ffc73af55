package io.github.dermlip.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Global gradient-norm clipping as {@code torch.nn.utils.clip_grad_norm_}: the L2 norm over all gradients
 * together, and every gradient scaled in place by {@code min(1, maxNorm / (norm + 1e-6))}.
 *
 * <p>Unlike DJL's {@code optClipGrad}, which clamps each element, this keeps the gradient's direction. The
 * scaling factor stays on the device, so clipping needs no host synchronization.
 */
public final class GradNormClipper {
    private static final float EPSILON = 1e-6f;
    private final double maxNorm;

    /** A clipper to {@code maxNorm} (open_clip's {@code --grad-clip-norm}). */
    public GradNormClipper(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("--grad-clip-norm must be > 0, found " + maxNorm);
        }
        this.maxNorm = maxNorm;
    }

    /**
     * Scales the gradients in place.
     *
     * @param gradients every trainable parameter's gradient (views that alias the real gradients)
     * @param step manager of the temporaries, e.g. the step's
     * @return the total norm before clipping, a scalar owned by {@code step}
     */
    public NDArray clip(NDArray[] gradients, NDManager step) {
        NDList norms = new NDList(gradients.length);
        for (NDArray g : gradients) {
            NDArray norm = g.norm();
            norm.attach(step);
            norms.add(norm);
        }
        NDArray total = NDArrays.stack(norms).norm();
        total.attach(step);
        NDArray factor = step.create((float) maxNorm)
                .div(total.add(EPSILON)).minimum(1f);
        for (NDArray g : gradients) {
            g.muli(factor);
        }
        return total;
    }
}
