package io.github.dermlip.train;

/**
 * What one optimizer step did.
 *
 * @param step optimizer steps completed, this one included (1-based)
 * @param epoch the epoch it belongs to (0-based)
 * @param stepInEpoch steps of that epoch completed, this one included
 * @param loss the loss of the whole (accumulated) batch
 * @param lr the learning rate it used
 * @param logitScale {@code exp(logit_scale)} after the update and clamp, as open_clip logs it
 * @param samplesPerSecond samples per second of wall time over this step, data loading included
 * @param dataWaitSeconds time the step waited for its batches
 */
public record StepRecord(long step, int epoch, long stepInEpoch, float loss, double lr, double logitScale,
        double samplesPerSecond, double dataWaitSeconds) {}
