package io.github.dermlip.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.engine.NoGradScope;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.ClipOutput;
import io.github.dermlip.core.prompts.PromptFiles;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.train.data.Batch;
import io.github.dermlip.train.data.BatchIterator;
import io.github.dermlip.train.data.BatchLoader;
import io.github.dermlip.train.data.ManifestSource;
import io.github.dermlip.train.loss.ClipLoss;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-of-epoch evaluation: on {@code --val-data}, open_clip's {@code clip_val_loss} (the CLIP cross-entropy
 * averaged over samples, batch by batch) and retrieval metrics over the whole set ({@link RetrievalMetrics}); on
 * {@code --zeroshot-data}, zero-shot top-1 (and top-5 with at least 5 classes) accuracy against
 * {@code --zeroshot-classes}. Everything runs without gradients in a manager closed before returning.
 */
final class EpochEvaluator implements AutoCloseable {
    private final TrainingComponents components;
    private final OpenClipConfig modelConfig;
    private final BatchLoader validation;
    private final BatchLoader zeroShot;
    private final List<String> classes;
    private final List<String> templates;
    private final Map<String, Integer> classIndex = new HashMap<>();

    EpochEvaluator(TrainConfig config, OpenClipConfig modelConfig, TrainingComponents components) throws IOException {
        this.components = components;
        this.modelConfig = modelConfig;
        validation = config.valData() == null ? null : new BatchLoader(TrainingData.manifest(config.valData(), config),
                components.evalTransform(), components.decoder(), TrainingData.evaluationOptions(config));
        if (config.zeroshotClasses() != null) {
            classes = PromptFiles.readClassList(config.zeroshotClasses()).labels();
            templates = (config.zeroshotTemplates() == null ? PromptTemplates.DERMLIP_SKIN
                    : PromptFiles.readTemplates(config.zeroshotTemplates())).templates();
            for (int i = 0; i < classes.size(); i++) {
                classIndex.put(classes.get(i), i);
            }
            ManifestSource source = TrainingData.zeroShot(config.zeroshotData());
            for (int row = 0; row < source.rows(); row++) {
                String label = source.entry(row).caption().strip();
                if (!classIndex.containsKey(label)) {
                    throw new IOException(config.zeroshotData() + ": record " + (row + 1) + ": label '" + label
                            + "' is not a class of " + config.zeroshotClasses());
                }
            }
            zeroShot = new BatchLoader(source, components.evalTransform(), components.decoder(),
                    TrainingData.evaluationOptions(config));
        } else {
            classes = null;
            templates = null;
            zeroShot = null;
        }
    }

    /** Whether there is anything to evaluate. */
    boolean enabled() {
        return validation != null || zeroShot != null;
    }

    /** The metrics of the model as it is now, by open_clip name. */
    Map<String, Double> evaluate(ClipModel model, ParameterStore store, NDManager root) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        try (NDManager eval = root.newSubManager(); NoGradScope noGrad = NoGradScope.enter()) {
            if (validation != null) {
                validate(model, store, eval, metrics);
            }
            if (zeroShot != null) {
                zeroShot(model, store, eval, metrics);
            }
        }
        return metrics;
    }

    private void validate(ClipModel model, ParameterStore store, NDManager eval, Map<String, Double> metrics) {
        ClipLoss loss = new ClipLoss();
        NDList images = new NDList();
        NDList texts = new NDList();
        double lossSum = 0;
        long samples = 0;
        try (BatchIterator batches = validation.iterator(0)) {
            while (batches.hasNext()) {
                Batch batch = batches.next();
                try (NDManager scratch = eval.newSubManager()) {
                    ClipOutput out = ClipOutput.fromNDList(
                            model.forward(store, BatchInputs.of(batch, components.tokenizer(), scratch), false));
                    lossSum += loss.compute(out).getFloat() * (double) batch.size();
                    samples += batch.size();
                    out.imageFeatures().attach(eval);
                    out.textFeatures().attach(eval);
                    images.add(out.imageFeatures());
                    texts.add(out.textFeatures());
                }
            }
        }
        if (samples == 0) {
            throw new IllegalStateException("--val-data has no usable sample");
        }
        metrics.put("clip_val_loss", lossSum / samples);
        metrics.putAll(RetrievalMetrics.compute(NDArrays.concat(images), NDArrays.concat(texts)));
        metrics.put("val_samples", (double) samples);
    }

    private void zeroShot(ClipModel model, ParameterStore store, NDManager eval, Map<String, Double> metrics) {
        ZeroShotTopK classifier = ZeroShotTopK.build(model, modelConfig, components.tokenizer(), classes,
                templates, eval);
        int k = Math.min(5, classes.size());
        long top1 = 0;
        long topK = 0;
        long samples = 0;
        try (BatchIterator batches = zeroShot.iterator(0)) {
            while (batches.hasNext()) {
                Batch batch = batches.next();
                int[][] predictions;
                try (NDManager scratch = eval.newSubManager()) {
                    NDArray pixels = BatchInputs.pixels(batch, scratch);
                    predictions = classifier.topK(ClipModel.normalize(model.encodeImage(store, pixels, false)), k);
                }
                for (int i = 0; i < batch.size(); i++) {
                    int label = classIndex.get(batch.captions().get(i).strip());
                    if (predictions[i][0] == label) {
                        top1++;
                    }
                    for (int p : predictions[i]) {
                        if (p == label) {
                            topK++;
                        }
                    }
                }
                samples += batch.size();
            }
        }
        if (samples == 0) {
            throw new IllegalStateException("--zeroshot-data has no usable sample");
        }
        metrics.put("zeroshot-top1", (double) top1 / samples);
        if (k == 5) {
            metrics.put("zeroshot-top5", (double) topK / samples);
        }
        metrics.put("zeroshot_samples", (double) samples);
    }

    @Override
    public void close() {
        if (validation != null) {
            validation.close();
        }
        if (zeroShot != null) {
            zeroShot.close();
        }
    }
}
