package io.github.dermlip.spark;

import ai.djl.Device;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.ZeroShotClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The models of this executor JVM: each {@link SparkModel} is loaded once per device on first use and then shared by
 * every task (core's {@link DermLip} is thread-safe), as are the zero-shot classifiers built from it. They live as
 * long as the executor.
 */
final class ExecutorModels {
    private record ModelKey(SparkModel model, Device device) {}

    private record ClassifierKey(ModelKey model, List<String> classNames, List<String> templates) {}

    private static final ConcurrentMap<ModelKey, DermLip> MODELS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<ClassifierKey, ZeroShotClassifier> CLASSIFIERS = new ConcurrentHashMap<>();

    private ExecutorModels() {}

    /** The model on the current task's device ({@link TaskDevice}), loading it on first use. */
    static DermLip model(SparkModel model) {
        return MODELS.computeIfAbsent(key(model), ExecutorModels::load);
    }

    /** The zero-shot classifier over these classes and templates, embedding the prompts on first use. */
    static ZeroShotClassifier classifier(SparkModel model, List<String> classNames, List<String> templates) {
        ModelKey key = key(model);
        return CLASSIFIERS.computeIfAbsent(new ClassifierKey(key, List.copyOf(classNames), List.copyOf(templates)),
                k -> MODELS.computeIfAbsent(key, ExecutorModels::load).zeroShotClassifier(classNames, templates));
    }

    private static ModelKey key(SparkModel model) {
        return new ModelKey(model, TaskDevice.current());
    }

    private static DermLip load(ModelKey key) {
        SparkModel model = key.model();
        if (model.offline()) {
            // DJL reads these when its engine first starts, which is the first load in this JVM.
            System.setProperty("ai.djl.offline", "true");
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        try {
            return DermLip.load(ModelLocator.locate(model.reference()), model.options(key.device()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load model '" + model.reference() + "' on " + key.device(), e);
        }
    }
}
