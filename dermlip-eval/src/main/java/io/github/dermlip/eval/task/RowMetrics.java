package io.github.dermlip.eval.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Metrics of one result as functions of a multiset of evaluation rows (images or queries), so two models
 * evaluated on the same rows can be compared with a paired bootstrap.
 *
 * @param strata the stratum of every row {@code 0..n-1} (the true class, or one constant for a plain bootstrap)
 * @param metrics metric name to the metric on a multiset of row indices, in report order
 */
public record RowMetrics(int[] strata, Map<String, ToDoubleFunction<int[]>> metrics) {

    /** Copies the inputs. */
    public RowMetrics {
        strata = strata.clone();
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The strata (a copy). */
    @Override
    public int[] strata() {
        return strata.clone();
    }

    /** Number of rows. */
    public int size() {
        return strata.length;
    }
}
