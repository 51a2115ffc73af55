package io.github.dermlip.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets of issue 6, checked against a run's measurements: training throughput at least 1.5x the
 * reference, image encoding at least 1.2x on both configs, peak training memory at most the reference's,
 * training MFU at least 50% of the measured matmul peak, and the two-worker data loader at least twice as fast
 * as training consumes samples.
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
        checks.add(atLeastTimesReference(byKey.get(Keys.TRAIN_SAMPLES), 1.5, "training samples/s"));
        checks.add(atLeastTimesReference(byKey.get(Keys.IMAGE_SMALL), 1.2, "image encoding, bench-small"));
        checks.add(atLeastTimesReference(byKey.get(Keys.IMAGE_LARGE), 1.2, "image encoding, ViT-B-16"));
        checks.add(atMostReference(byKey.get(Keys.TRAIN_PEAK_RSS), "training peak RSS"));
        checks.add(mfu(byKey.get(Keys.TRAIN_MFU)));
        checks.add(loaderKeepsUp(byKey.get(Keys.LOADER_2), byKey.get(Keys.TRAIN_SAMPLES)));
        return checks;
    }

    private static TargetCheck atLeastTimesReference(Measurement m, double factor, String what) {
        String target = String.format(Locale.ROOT, "%s >= %.1fx PyTorch eager", what, factor);
        if (m == null || m.ratio() == null) {
            return new TargetCheck(target, TargetCheck.Status.NOT_CHECKED, m == null ? "row not run" : "no reference figure");
        }
        return new TargetCheck(target, m.ratio() >= factor ? TargetCheck.Status.MET : TargetCheck.Status.MISSED,
                String.format(Locale.ROOT, "%.2fx", m.ratio()));
    }

    private static TargetCheck atMostReference(Measurement m, String what) {
        String target = what + " <= PyTorch eager";
        if (m == null || m.reference() == null) {
            return new TargetCheck(target, TargetCheck.Status.NOT_CHECKED, m == null ? "row not run" : "no reference figure");
        }
        return new TargetCheck(target, m.ours() <= m.reference() ? TargetCheck.Status.MET : TargetCheck.Status.MISSED,
                String.format(Locale.ROOT, "%.0f vs %.0f %s", m.ours(), m.reference(), m.unit()));
    }

    private static TargetCheck mfu(Measurement m) {
        String target = "training MFU >= 50% of the measured matmul peak";
        if (m == null) {
            return new TargetCheck(target, TargetCheck.Status.NOT_CHECKED, "training or matmul row not run");
        }
        return new TargetCheck(target, m.ours() >= 50 ? TargetCheck.Status.MET : TargetCheck.Status.MISSED,
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
