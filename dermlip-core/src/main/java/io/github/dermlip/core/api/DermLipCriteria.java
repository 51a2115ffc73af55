package io.github.dermlip.core.api;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.repository.zoo.Criteria;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import io.github.dermlip.core.hub.ModelReference;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * DJL {@link Criteria} for zero-shot classification with a {@link ZeroShotBlock} and a {@link ZeroShotTranslator},
 * so that {@code criteria.loadModel().newPredictor().predict(image)} works as with any DJL model.
 *
 * <p>How DJL treats the block (DJL 0.35.1): {@code PtModel.load} with a block set skips TorchScript and calls
 * {@code BaseModel.loadBlock}, which would look for a DJL {@code .params} file; the option
 * {@code hasParameter=false} switches that off, and nothing in loading or in {@code Predictor} initializes the
 * block, so the weights already loaded into it are used as they are. The predictor runs on the device of the
 * criteria, set to the {@link DermLip}'s so that no parameter is copied.
 *
 * <p>A hub model can also be given in DJL's own idiom: {@code builder(lip, classifier).optModelUrls(
 * "hf-hub://ORG/NAME")} resolves through {@link io.github.dermlip.core.hub.HubRepositoryFactory}.
 */
public final class DermLipCriteria {
    /** The engine the block runs on. */
    public static final String ENGINE = "PyTorch";

    private DermLipCriteria() {}

    /**
     * {@link #zeroShot(Path, List, List, DermLipOptions)} for a model named by reference (a folder,
     * {@code hf-hub:ORG/NAME[@REVISION]} or a registry name; see {@link ModelReference}), resolved once.
     */
    public static Criteria<Image, Classifications> zeroShot(String reference, List<String> classes,
            List<String> templates, DermLipOptions options) throws IOException {
        return zeroShot(ModelReference.parse(reference).resolve().folder(), classes, templates, options);
    }

    /** {@link #zeroShot(Path, List, List, DermLipOptions)} with {@link DermLipOptions#defaults()}. */
    public static Criteria<Image, Classifications> zeroShot(Path hubDir, List<String> classes, List<String> templates)
            throws IOException {
        return zeroShot(hubDir, classes, templates, DermLipOptions.defaults());
    }

    /**
     * Loads the hub directory now, builds the zero-shot classifier, and returns criteria for it.
     *
     * <p>The loaded weights are handed to the first {@link ai.djl.repository.zoo.ZooModel} loaded from these
     * criteria and freed when that model is closed; the criteria can therefore be loaded once (a second
     * {@code loadModel} fails; call this method again instead). Criteria that are never loaded keep their weights
     * in native memory until the process ends.
     */
    public static Criteria<Image, Classifications> zeroShot(Path hubDir, List<String> classes, List<String> templates,
            DermLipOptions options) throws IOException {
        DermLip lip = DermLip.load(hubDir, options);
        try {
            ZeroShotClassifier classifier = lip.zeroShotClassifier(classes, templates);
            return base(lip, classifier)
                    .optModelPath(hubDir)
                    .optTranslatorFactory(new HandOverFactory(lip, ZeroShotTranslator.of(lip, classifier)))
                    .build();
        } catch (RuntimeException | Error e) {
            lip.close();
            throw e;
        }
    }

    /**
     * Criteria for a classifier built by a {@link DermLip} that the caller keeps open (and closes after the models
     * loaded from these criteria): types, block, translator, engine, device and {@code hasParameter=false} are
     * set. Add a model location with {@code optModelPath} (any existing directory, usually the hub directory)
     * and build; such criteria can be loaded any number of times.
     */
    public static Criteria.Builder<Image, Classifications> builder(DermLip lip, ZeroShotClassifier classifier) {
        return base(lip, classifier).optTranslator(ZeroShotTranslator.of(lip, classifier));
    }

    private static Criteria.Builder<Image, Classifications> base(DermLip lip, ZeroShotClassifier classifier) {
        return Criteria.builder()
                .setTypes(Image.class, Classifications.class)
                .optBlock(ZeroShotBlock.of(lip, classifier))
                .optEngine(ENGINE)
                .optDevice(lip.device())
                .optModelName("dermlip-zero-shot")
                .optOption("hasParameter", "false");
    }

    /** Gives the translator and hands the {@link DermLip} to the loaded model's manager, once. */
    private static final class HandOverFactory implements TranslatorFactory {
        private final DermLip lip;
        private final ZeroShotTranslator translator;
        private final AtomicBoolean handedOver = new AtomicBoolean();

        HandOverFactory(DermLip lip, ZeroShotTranslator translator) {
            this.lip = lip;
            this.translator = translator;
        }

        @Override
        public Set<Pair<Type, Type>> getSupportedTypes() {
            return Set.of(new Pair<>(Image.class, Classifications.class));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <I, O> Translator<I, O> newInstance(Class<I> input, Class<O> output, Model model,
                Map<String, ?> arguments) {
            if (input != Image.class || output != Classifications.class) {
                throw new IllegalArgumentException("zero-shot criteria translate Image to Classifications, not "
                        + input.getName() + " to " + output.getName());
            }
            if (!handedOver.compareAndSet(false, true)) {
                throw new IllegalStateException("these zero-shot criteria were already loaded once and their weights"
                        + " belong to that model; call DermLipCriteria.zeroShot again to load another");
            }
            model.getNDManager().attachInternal("dermlip-" + UUID.randomUUID(), lip);
            return (Translator<I, O>) translator;
        }
    }
}
