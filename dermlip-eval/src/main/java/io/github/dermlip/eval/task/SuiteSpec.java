package io.github.dermlip.eval.task;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A benchmark suite: several tasks run for several models into one combined report ({@link BenchmarkSuite});
 * read from JSON with {@link SuiteSpecReader}.
 *
 * @param models the models, the first being the baseline of paired comparisons
 * @param tasks the tasks
 * @param seed the seed of all resampling and subsampling
 * @param bootstrap number of bootstrap resamples
 */
public record SuiteSpec(List<SuiteModel> models, List<SuiteTask> tasks, long seed, int bootstrap) {

    /** Copies the lists and checks that names and labels are unique. */
    public SuiteSpec {
        models = List.copyOf(models);
        tasks = List.copyOf(tasks);
        if (models.isEmpty() || tasks.isEmpty()) {
            throw new IllegalArgumentException("a suite needs at least one model and one task");
        }
        if (bootstrap < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be at least 1, got " + bootstrap);
        }
        Set<String> names = new HashSet<>();
        for (SuiteModel model : models) {
            if (!names.add(model.name())) {
                throw new IllegalArgumentException("model name '" + model.name() + "' appears twice");
            }
        }
        Set<String> labels = new HashSet<>();
        for (SuiteTask task : tasks) {
            if (!labels.add(task.label())) {
                throw new IllegalArgumentException("task label '" + task.label() + "' appears twice; give one"
                        + " of them a distinct \"name\"");
            }
        }
    }
}
