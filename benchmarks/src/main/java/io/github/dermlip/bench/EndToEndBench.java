package io.github.dermlip.bench;

import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.core.api.ZeroShotClassifier;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.engine.NoGradScope;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a user waits for: JPEG files in, embeddings or classes out, through {@link DermLip#encodeImages} and
 * {@link ZeroShotClassifier#classify(List)} (decoding and preprocessing on DermLip's pool, at most two batches
 * ahead of the forward pass), next to the pure forward rate of the same model at the same batch size on
 * preprocessed pixels. The model is randomly initialized: the work does not depend on the weights.
 *
 * @param forwardPerSecond images/s of {@link ClipModel#encodeImage} on ready pixels (median of the timed batches)
 * @param embedPerSecond images/s of {@code encodeImages} over all files
 * @param classifyPerSecond images/s of {@code classify} over all files (class prompts embedded beforehand)
 */
public record EndToEndBench(double forwardPerSecond, double embedPerSecond, double classifyPerSecond) {
    private static final int FORWARD_REPEATS = 3;
    private static final List<String> CLASSES = List.of("melanoma", "nevus", "basal cell carcinoma",
            "seborrheic keratosis", "actinic keratosis", "dermatofibroma", "vascular lesion", "squamous cell carcinoma");

    /** e2e embed images/s as a share of the pure forward rate. */
    public double embedShare() {
        return embedPerSecond / forwardPerSecond;
    }

    /**
     * Measures {@code config}'s model on {@code files} in batches of {@code batch}.
     *
     * @param tokenizer for the class prompts of the classify row
     */
    public static EndToEndBench measure(OpenClipConfig config, TextTokenizer tokenizer, List<Path> files, int batch)
            throws IOException {
        try (NDManager root = NDManager.newBaseManager(); NoGradScope noGrad = NoGradScope.enter()) {
            ClipModel model = EncodingBench.randomModel(config.model(), root);
            double forward = EncodingBench.imagesPerSecond(model, root, batch, FORWARD_REPEATS);
            DermLipOptions options = DermLipOptions.defaults().withBatchSize(batch);
            try (DermLip dermLip = DermLip.fromModel(model, config, tokenizer, root, options)) {
                dermLip.encodeImages(files.subList(0, Math.min(batch, files.size())), true);
                long start = System.nanoTime();
                dermLip.encodeImages(files, true);
                double embed = files.size() / seconds(start);
                ZeroShotClassifier classifier = dermLip.zeroShotClassifier(CLASSES, PromptTemplates.DERMLIP_SKIN.templates());
                start = System.nanoTime();
                classifier.classify(files);
                return new EndToEndBench(forward, embed, files.size() / seconds(start));
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
