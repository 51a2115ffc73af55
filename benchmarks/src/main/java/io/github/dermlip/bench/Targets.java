package io.github.dermlip.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets, checked against a run's measurements: training throughput at least 2x the peer and MFU at least
 * 70% of the measured matmul peak, image encoding at least 1.2x the peer on bench-small and 1.3x on ViT-B-16 at
 * 80% of our matmul peak or more, peak training memory at most the peer's, the two-worker data loader at least
 * twice as fast as training consumes samples, end-to-end embedding from JPEG files at 90% or more of the pure
 * forward rate, and a training slowdown with one core busy no worse than the peer's.
 */
public final class Targets {
    private Targets() {}

    /** Checks every target; a figure missing from {@code rows} makes a target {@code NOT_CHECKED}. */
    public static List<TargetCheck> check(List<Measurement> rows) {
        Map<String, Measurement> byKey = new HashMap<>();
        for (Measurement row : rows) {
            byKey.put(row.key(), row);
        }
        List<TargetCheck> checks = new ArrayList<>();
        checks.add(atLeastTimesReference(byKey.get(Keys.TRAIN_SAMPLES), 2.0, "training samples/s"));
        checks.add(atLeastTimesReference(byKey.get(Keys.IMAGE_SMALL), 1.2, "image encoding, bench-small"));
        checks.add(atLeastTimesReference(byKey.get(Keys.IMAGE_LARGE), 1.3, "image encoding, ViT-B-16"));
        checks.add(atMostReference(byKey.get(Keys.TRAIN_PEAK_RSS), "training peak RSS"));
        checks.add(atLeast(byKey.get(Keys.TRAIN_MFU), 70, "training MFU >= 70% of the measured matmul peak"));
        checks.add(loaderKeepsUp(byKey.get(Keys.LOADER_2), byKey.get(Keys.TRAIN_SAMPLES)));
        checks.add(atLeast(byKey.get(Keys.IMAGE_LARGE_PEAK_SHARE), 80,
                "image encoding, ViT-B-16, >= 80% of the measured matmul peak"));
        checks.add(atLeast(byKey.get(Keys.E2E_SHARE_SMALL), 90,
                "end-to-end embed from JPEGs >= 90% of the forward rate, bench-small"));
        checks.add(atLeast(byKey.get(Keys.E2E_SHARE_LARGE), 90,
                "end-to-end embed from JPEGs >= 90% of the forward rate, ViT-B-16"));
        checks.add(atMostReference(byKey.get(Keys.CONTENTION_SLOWDOWN), "training slowdown with one core busy"));
        return checks;
    }

    private static TargetCheck atLeastTimesReference(Measurement m, double factor, String what) {
        String target = String.format(Locale.ROOT, "%s >= %.1fx the peer", what, factor);
        if (m == null || m.ratio() == null) {
            return new TargetCheck(target, TargetCheck.Status.NOT_CHECKED, m == null ? "row not run" : "no reference figure");
        }
        return new TargetCheck(target, m.ratio() >= factor ? TargetCheck.Status.MET : TargetCheck.Status.MISSED,
                String.format(Locale.ROOT, "%.2fx", m.ratio()));
    }

    private static TargetCheck atMostReference(Measurement m, String what) {
        String target = what + " <= the peer's";
        if (m == null || m.reference() == null) {
            return new TargetCheck(target, TargetCheck.Status.NOT_CHECKED, m == null ? "row not run" : "no reference figure");
        }
        return new TargetCheck(target, m.ours() <= m.reference() ? TargetCheck.Status.MET : TargetCheck.Status.MISSED,
                String.format(Locale.ROOT, "%s vs %s %s", ResultTable.number(m.ours()), ResultTable.number(m.reference()),
                        m.unit()));
    }

    private static TargetCheck atLeast(Measurement m, double percent, String target) {
        if (m == null) {
            return new TargetCheck(target, TargetCheck.Status.NOT_CHECKED, "row not run");
        }
        return new TargetCheck(target, m.ours() >= percent ? TargetCheck.Status.MET : TargetCheck.Status.MISSED,
                String.format(Locale.ROOT, "%.1f%%", m.ours()));
    }

    private static TargetCheck loaderKeepsUp(Measurement loader, Measurement training) {
        String target = "data loader (2 workers) >= 2x training samples/s";
        if (loader == null || training == null) {
            return new TargetCheck(target, TargetCheck.Status.NOT_CHECKED, "loader or training row not run");
        }
        double factor = loader.ours() / training.ours();
        return new TargetCheck(target, factor >= 2 ? TargetCheck.Status.MET : TargetCheck.Status.MISSED,
                String.format(Locale.ROOT, "%.0f vs %.1f samples/s = %.1fx", loader.ours(), training.ours(), factor));
    }
}
