package io.github.dermlip.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** open_clip's schedules at their key steps. */
class LrScheduleTest {
    private static final double BASE = 1e-3;

    @Test
    void cosineWarmsUpLinearlyThenFollowsHalfACosine() {
        LrSchedule s = LrSchedule.cosine(BASE, 10, 110);
        assertEquals(1e-4, s.lr(0), 1e-15);
        assertEquals(5e-4, s.lr(4), 1e-15);
        assertEquals(1e-3, s.lr(9), 1e-15);
        assertEquals(1e-3, s.lr(10), 1e-15);
        assertEquals(5e-4, s.lr(60), 1e-15);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 0.25)) * BASE, s.lr(35), 1e-15);
        assertEquals(0.0, s.lr(110), 1e-15);
    }

    @Test
    void constantWarmsUpThenStays() {
        LrSchedule s = LrSchedule.constant(BASE, 4);
        assertEquals(2.5e-4, s.lr(0), 1e-15);
        assertEquals(1e-3, s.lr(3), 1e-15);
        assertEquals(1e-3, s.lr(1000), 1e-15);
    }

    @Test
    void cooldownDecaysFromTheConstantToTheEndValue() {
        LrSchedule linear = LrSchedule.constantThenCooldown(BASE, 5, 100, 20, 1.0, 1e-5);
        assertEquals(2e-4, linear.lr(0), 1e-15);
        assertEquals(BASE, linear.lr(79), 1e-15);
        assertEquals(BASE, linear.lr(80), 1e-15);
        assertEquals(0.5 * (BASE - 1e-5) + 1e-5, linear.lr(90), 1e-15);
        assertEquals(1e-5, linear.lr(100), 1e-15);
        LrSchedule square = LrSchedule.constantThenCooldown(BASE, 5, 100, 20, 2.0, 0.0);
        assertEquals(0.25 * BASE, square.lr(90), 1e-15);
    }

    @Test
    void schedulerNamesParse() {
        assertEquals(LrSchedulerKind.CONST_COOLDOWN, LrSchedulerKind.parse("const-cooldown"));
        assertEquals("cosine", LrSchedulerKind.COSINE.toString());
        assertThrows(IllegalArgumentException.class, () -> LrSchedulerKind.parse("step"));
    }
}
