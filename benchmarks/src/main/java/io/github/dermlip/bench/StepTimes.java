package io.github.dermlip.bench;

/**
 * Wall-clock seconds of one training step and of its phases.
 *
 * @param total the whole step, from host arrays to the clamped temperature and the freed step arrays
 * @param forwardBackward forward pass, loss and backward pass
 * @param clip global gradient-norm clipping
 * @param optimizer the AdamW update and the {@code logit_scale} clamp
 */
public record StepTimes(double total, double forwardBackward, double clip, double optimizer) {

    /** The rest of the step: making the input arrays, zeroing gradients and freeing the step's arrays. */
    public double other() {
        return total - forwardBackward - clip - optimizer;
    }
}
