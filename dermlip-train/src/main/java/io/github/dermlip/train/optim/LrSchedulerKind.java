package io.github.dermlip.train.optim;

/** The schedules of {@code --lr-scheduler}, named as in open_clip. */
public enum LrSchedulerKind {
    /** Warmup, then cosine decay to 0 ({@link LrSchedule#cosine}). */
    COSINE("cosine"),
    /** Warmup, then constant ({@link LrSchedule#constant}). */
    CONST("const"),
    /** Warmup, constant, then a polynomial cooldown ({@link LrSchedule#constantThenCooldown}). */
    CONST_COOLDOWN("const-cooldown");

    private final String flag;

    LrSchedulerKind(String flag) {
        this.flag = flag;
    }

    /** The name on the command line. */
    public String flag() {
        return flag;
    }

    /** Parses {@code cosine}, {@code const} or {@code const-cooldown}. */
    public static LrSchedulerKind parse(String name) {
        for (LrSchedulerKind kind : values()) {
            if (kind.flag.equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("--lr-scheduler must be cosine, const or const-cooldown, found '" + name + "'");
    }

    @Override
    public String toString() {
        return flag;
    }
}
