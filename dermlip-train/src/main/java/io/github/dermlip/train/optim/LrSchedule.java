package io.github.dermlip.train.optim;

/**
 * A learning rate for each optimizer step (0-based), as open_clip's {@code scheduler.py}; a pure function of the
 * step, so a resumed run gets the same rates.
 */
@FunctionalInterface
public interface LrSchedule {

    /** The learning rate of step {@code step} (0-based). */
    double lr(long step);

    /** open_clip's warmup: {@code baseLr * (step + 1) / warmup}. */
    static double warmup(double baseLr, long warmup, long step) {
        return baseLr * (step + 1) / warmup;
    }

    /**
     * open_clip's {@code cosine_lr}: linear warmup, then {@code 0.5 * (1 + cos(pi * e / es)) * baseLr} with
     * {@code e = step - warmup} and {@code es = totalSteps - warmup}.
     */
    static LrSchedule cosine(double baseLr, long warmup, long totalSteps) {
        return step -> {
            if (step < warmup) {
                return warmup(baseLr, warmup, step);
            }
            double e = step - warmup;
            double es = totalSteps - warmup;
            return 0.5 * (1 + Math.cos(Math.PI * e / es)) * baseLr;
        };
    }

    /** open_clip's {@code const_lr}: linear warmup, then {@code baseLr}. */
    static LrSchedule constant(double baseLr, long warmup) {
        return step -> step < warmup ? warmup(baseLr, warmup, step) : baseLr;
    }

    /**
     * open_clip's {@code const_lr_cooldown}: linear warmup, {@code baseLr} until the cooldown starts at
     * {@code totalSteps - cooldownSteps}, then {@code (1 - e / es)^power * (baseLr - endLr) + endLr} with
     * {@code e} the steps into the cooldown and {@code es} its length.
     */
    static LrSchedule constantThenCooldown(double baseLr, long warmup, long totalSteps, long cooldownSteps,
            double power, double endLr) {
        long cooldownStart = totalSteps - cooldownSteps;
        return step -> {
            if (step < warmup) {
                return warmup(baseLr, warmup, step);
            }
            if (step < cooldownStart) {
                return baseLr;
            }
            double e = step - cooldownStart;
            double es = totalSteps - cooldownStart;
            double decay = Math.pow(1 - e / es, power);
            return decay * (baseLr - endLr) + endLr;
        };
    }
}
