package io.github.dermlip.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.core.api.ProgressListener;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.config.OpenClipConfigWriter;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.hub.ModelReference;
import io.github.dermlip.core.prompts.ClassList;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.eval.concepts.ConceptAnnotator;
import io.github.dermlip.eval.concepts.ConceptTerms;
import io.github.dermlip.eval.data.CaptionedImages;
import io.github.dermlip.eval.data.ConceptDataset;
import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.data.LabeledImage;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.task.ConceptResult;
import io.github.dermlip.eval.task.ConceptTask;
import io.github.dermlip.eval.task.DermLipModel;
import io.github.dermlip.eval.task.LinearProbeResult;
import io.github.dermlip.eval.task.LinearProbeSettings;
import io.github.dermlip.eval.task.LinearProbeTask;
import io.github.dermlip.eval.task.ProbeBudget;
import io.github.dermlip.eval.task.RetrievalResult;
import io.github.dermlip.eval.task.RetrievalTask;
import io.github.dermlip.eval.task.TaskInputs;
import io.github.dermlip.eval.task.ZeroShotResult;
import io.github.dermlip.eval.task.ZeroShotTask;
import io.github.dermlip.synth.DatasetLayout;
import io.github.dermlip.synth.SkinSynthOptions;
import io.github.dermlip.synth.SkinSynthWriter;
import io.github.dermlip.train.TrainConfig;
import io.github.dermlip.train.Trainer;
import io.github.dermlip.train.TrainingSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's whole job, in order: generate SkinSynth, prepare a vocabulary, train a small CLIP on CPU, evaluate it
 * (zero-shot with a skin-tone breakdown, linear probes at 1/10/100% of labels, retrieval, concept annotation) and
 * write the report.
 *
 * <p>Layout of {@code settings.out()}: {@code data/} (SkinSynth), {@code vocab.txt.gz}, {@code model_config.json},
 * {@code runs/skinsynth/} (the training run, open_clip layout), {@code eval/<task>/} (each task's full report) and
 * {@code report/} (the summary report).
 */
public final class DemoPipeline {
    private static final String RUN_NAME = "skinsynth";
    /** SkinSynth always writes a validation split; the demo keeps it small (8 images per class). */
    private static final int VAL_IMAGES = 64;
    private final DemoSettings settings;
    private final PrintStream log;

    /** A pipeline that reports its progress on {@code log}. */
    public DemoPipeline(DemoSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /** Runs every step and returns the figures the report holds. */
    public DemoResult run(List<String> commandLine) throws IOException {
        long start = System.nanoTime();
        Path out = settings.out().toAbsolutePath().normalize();
        if (Files.exists(out.resolve("data"))) {
            throw new IOException(out + " already holds a demo run; choose another --out or delete it");
        }
        Files.createDirectories(out);

        log.println("[1/5] Generating SkinSynth into " + out.resolve("data"));
        Path data = out.resolve("data");
        new SkinSynthWriter(synthOptions()).write(data);
        List<String> classes = Files.readAllLines(data.resolve(DatasetLayout.CLASSES_TXT));

        log.println("[2/5] Preparing the vocabulary");
        DemoVocabulary vocabulary = DemoVocabulary.prepare(settings.clipVocabulary(), data, settings.merges(),
                out.resolve("vocab.txt.gz"));
        Path modelConfig = writeModelConfig(out.resolve("model_config.json"), vocabulary.size());

        log.println("[3/5] Training a small CLIP on " + settings.pretrainPairs() + " image-caption pairs");
        long trainStart = System.nanoTime();
        TrainingSummary training = new Trainer(trainConfig(data, modelConfig, vocabulary, out)).run();
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;

        log.println("[4/5] Evaluating " + training.lastCheckpoint());
        Bootstrap bootstrap = new Bootstrap(settings.bootstrap(), settings.seed(), Bootstrap.DEFAULT_CONFIDENCE, true);
        Path eval = out.resolve("eval");
        DermLipOptions options = DermLipOptions.defaults().withVocabulary(vocabulary.file());
        try (DermLipModel model = DermLipModel.load("skinsynth-clip", ModelReference.folder(training.lastCheckpoint()),
                options, ProgressListener.NONE)) {
            LabeledDataset test = split(data, DatasetLayout.EVAL_TEST_CSV);
            LabeledDataset probeData = merge(test, split(data, DatasetLayout.EVAL_TRAIN_CSV));
            ClassList classList = new ClassList("skinsynth", classes);

            ZeroShotResult zeroShot = new ZeroShotTask(bootstrap).run(model, test, classList,
                    PromptTemplates.DERMLIP_SKIN, DatasetLayout.SKIN_TONE, eval.resolve("zeroshot"), commandLine);
            LinearProbeResult probe = new LinearProbeTask(bootstrap).run(model, probeData,
                    new LinearProbeSettings(List.of(ProbeBudget.percent(1), ProbeBudget.percent(10),
                            ProbeBudget.percent(100)), settings.probeSeeds(), null, "test", eval.resolve("features")),
                    eval.resolve("linear-probe"), commandLine);
            CaptionedImages pairs = TaskInputs.captions(data.resolve(DatasetLayout.RETRIEVAL_CSV).toString(), data,
                    DatasetLayout.IMAGE_PATH, DatasetLayout.CAPTION);
            RetrievalResult retrieval = new RetrievalTask(bootstrap).run(model, pairs, eval.resolve("retrieval"),
                    commandLine);
            ConceptDataset concepts = TaskInputs.concepts(data.resolve(DatasetLayout.CONCEPTS_CSV), data);
            Map<String, List<String>> terms = ConceptTerms.read(data.resolve(DatasetLayout.CONCEPT_TERMS_JSON));
            ConceptResult conceptResult = new ConceptTask(bootstrap).run(model, concepts, terms,
                    ConceptAnnotator.DERMLIP_PROMPTS, eval.resolve("concepts"), commandLine);

            log.println("[5/5] Writing the report");
            double totalSeconds = (System.nanoTime() - start) / 1e9;
            DemoResult result = new DemoResult(settings, vocabulary, training, trainSeconds, totalSeconds, classes.size(),
                    zeroShot, probe, retrieval, conceptResult, out);
            new DemoReport(result).write(out.resolve("report"), commandLine);
            return result;
        }
    }

    private SkinSynthOptions synthOptions() {
        return SkinSynthOptions.defaults().withSeed(settings.seed())
                .withSizes(settings.pretrainPairs(), settings.evalTrain(), VAL_IMAGES, settings.evalTest(),
                        settings.retrievalPairs());
    }

    private Path writeModelConfig(Path file, int vocabSize) throws IOException {
        OpenClipConfig base = OpenClipConfigReader.resolve(settings.model());
        ModelConfig m = base.model();
        TextConfig t = m.text();
        TextConfig text = new TextConfig(t.contextLength(), vocabSize, t.width(), t.heads(), t.layers(), t.mlpRatio(),
                t.hfTokenizerName());
        OpenClipConfig config = new OpenClipConfig(new ModelConfig(m.embedDim(), m.quickGelu(), m.customText(),
                m.initLogitScale(), m.initLogitBias(), m.vision(), text), base.preprocess());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(),
                OpenClipConfigWriter.toJson(config));
        return file;
    }

    private TrainConfig trainConfig(Path data, Path modelConfig, DemoVocabulary vocabulary, Path out) {
        long stepsPerEpoch = settings.pretrainPairs() / settings.batchSize();
        return TrainConfig.builder()
                .trainData(data.resolve(DatasetLayout.PRETRAIN_CSV).toString())
                .csvImgKey(DatasetLayout.FILENAME)
                .csvCaptionKey(DatasetLayout.TRUNCATED_CAPTION)
                .csvSeparator(',')
                .imageRoot(data)
                .model(modelConfig.toString())
                .vocab(vocabulary.file())
                .batchSize(settings.batchSize())
                .epochs(settings.epochs())
                .lr(settings.lr())
                .wd(0.1)
                .warmup(Math.max(1, stepsPerEpoch / 2))
                .gradClipNorm(1.0)
                .seed(settings.seed())
                .workers(settings.workers())
                .logs(out.resolve("runs"))
                .name(RUN_NAME)
                .logEveryNSteps(10)
                .build();
    }

    /** One SkinSynth eval CSV, its labels in {@code classes.txt} order. */
    private static LabeledDataset split(Path data, String csv) {
        return TaskInputs.labeled(data.resolve(csv).toString(), data, data.resolve(DatasetLayout.CLASSES_TXT), null);
    }

    private static LabeledDataset merge(LabeledDataset a, LabeledDataset b) {
        List<LabeledImage> items = new ArrayList<>(a.items());
        items.addAll(b.items());
        return new LabeledDataset("skinsynth-eval", a.classNames(), items);
    }
}
