package io.github.dermlip.train.checkpoint;

/**
 * What the learning-rate schedule of a run is computed from, saved so a checkpoint documents it and a resumed
 * run can check that it continues the same schedule.
 *
 * @param scheduler {@code cosine}, {@code const} or {@code const-cooldown}
 * @param baseLr the peak learning rate
 * @param warmup warmup steps
 * @param totalSteps steps of the whole run ({@code stepsPerEpoch * epochs})
 * @param stepsPerEpoch optimizer steps per epoch
 * @param cooldownSteps steps of the cooldown (0 unless {@code const-cooldown})
 * @param cooldownPower power of the cooldown decay
 * @param cooldownEndLr learning rate at the end of the cooldown
 */
public record ScheduleInputs(String scheduler, double baseLr, long warmup, long totalSteps, long stepsPerEpoch,
        long cooldownSteps, double cooldownPower, double cooldownEndLr) {}
