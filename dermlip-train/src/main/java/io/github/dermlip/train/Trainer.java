package io.github.dermlip.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.api.ModelFolder;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.engine.NoGradScope;
import io.github.dermlip.core.engine.TorchThreads;
import io.github.dermlip.core.io.AtomicFiles;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipKeys;
import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.train.checkpoint.Checkpoint;
import io.github.dermlip.train.checkpoint.CheckpointLayout;
import io.github.dermlip.train.checkpoint.CheckpointWriter;
import io.github.dermlip.train.checkpoint.EpochTotals;
import io.github.dermlip.train.checkpoint.ScheduleInputs;
import io.github.dermlip.train.checkpoint.TrainingState;
import io.github.dermlip.train.data.BadSampleReason;
import io.github.dermlip.train.data.BadSampleReport;
import io.github.dermlip.train.data.Batch;
import io.github.dermlip.train.data.BatchIterator;
import io.github.dermlip.train.data.BatchLoader;
import io.github.dermlip.train.data.LoaderPosition;
import io.github.dermlip.train.data.TooManyBadSamplesException;
import io.github.dermlip.train.optim.AdamW;
import io.github.dermlip.train.optim.GradNormClipper;
import io.github.dermlip.train.optim.LrSchedule;
import io.github.dermlip.train.optim.TrainableParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Contrastive pretraining as open_clip's {@code main.py} does it, on one device: AdamW with open_clip's decay rule,
 * a warmup-then-decay learning-rate schedule per optimizer step, optional gradient accumulation and clipping, the
 * logit scale clamped to {@code [0, ln 100]} after every step, an evaluation after every epoch, and checkpoints
 * that open_clip loads as they are and from which a run continues exactly.
 *
 * <p>Output goes to {@code LOGS/NAME/}: {@code params.json} (all arguments), {@code results.jsonl} (training lines
 * every {@code --log-every-n-steps} steps, one line per epoch with the metrics), {@code checkpoints/epoch_N/},
 * {@code checkpoints/step_N/} and {@code checkpoints/latest.txt} (see {@link CheckpointLayout}), and
 * {@code plots/training_curves.png} at the end.
 *
 * <p>Bad samples are skipped, counted by reason and reported in each epoch's line of {@code results.jsonl}
 * ({@code skipped_samples}, {@code skipped_by_reason}) and in the {@link TrainingSummary}. An epoch whose data yields no
 * complete step fails the run ({@link NothingTrainedException}), and so does a pass that completes its epoch with a
 * share of bad samples above {@code --max-bad-fraction}, however few samples it had. A torn last line of
 * {@code results.jsonl} (a run killed while writing it) is cut off before the next line is appended.
 *
 * <p>Every step's arrays live in a sub-manager of the run's manager that is closed when the step ends, so a step
 * leaves no native memory behind. A NaN or infinite loss stops the run before the update with a
 * {@link TrainingDivergedException} naming the step and its samples; the checkpoints already written are kept and
 * {@code latest.txt} keeps naming the last good one.
 *
 * <p>Resuming: a run continued with {@code --resume} computes the same steps as an uninterrupted run, bit for bit
 * on the CPU, provided the CPU kernels are deterministic: set {@code OMP_NUM_THREADS} in the environment (to the
 * core count, say). Without it, libtorch's OpenMP runtime picks its thread count at run time, and on a loaded
 * machine the split of reductions, and so the last bits of some results, can change from run to run.
 *
 * <p>Use it as a library with {@code new Trainer(config).run()}; {@link TrainingListener} reports each step.
 *
 * <p>Not DJL's {@code ai.djl.training.Trainer}: that one steps DJL's own optimizers (no open_clip decay rule, no
 * exportable moments) and has no place for micro-batch accumulation against the whole batch's negatives.
 */
public final class Trainer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrainConfig config;
    private final ComponentsFactory components;
    private final TrainingListener listener;

    /** A trainer with the standard tokenizer, transforms and decoder and no listener. */
    public Trainer(TrainConfig config) {
        this(config, new StandardComponents(), new TrainingListener() {});
    }

    /** A trainer with the given components and listener. */
    public Trainer(TrainConfig config, ComponentsFactory components, TrainingListener listener) {
        this.config = config;
        this.components = components;
        this.listener = listener;
    }

    /**
     * Runs (or, with {@code --resume}, continues) the training.
     *
     * @throws TrainingDivergedException when a loss or the weights become NaN or infinite
     * @throws IOException when data, a model file or an output cannot be read or written
     */
    public TrainingSummary run() throws IOException {
        TorchThreads.prepare();
        // Gradients are recorded only inside each step's collector; in-place updates of the weights (loading,
        // AdamW, clamping) must not be, and PyTorch records by default on threads DJL did not start on.
        try (NoGradScope noGrad = NoGradScope.enter()) {
            return runWithoutGradientRecording();
        }
    }

    private TrainingSummary runWithoutGradientRecording() throws IOException {
        Path runDirectory = config.runDirectory();
        CheckpointLayout layout = new CheckpointLayout(runDirectory);
        Checkpoint resumeFrom = config.resume() == null ? null : Checkpoint.resolve(config.resume(), layout);
        OpenClipConfig modelConfig = resumeFrom != null ? resumeFrom.modelConfig() : ModelSetup.forNewRun(config);
        Files.createDirectories(runDirectory);
        byte[] params = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config.toJson());
        AtomicFiles.write(runDirectory.resolve("params.json"), out -> out.write(params));
        Path manifest = Path.of(config.trainData());
        TrainingRun provenance = new TrainingRun(runDirectory.getFileName().toString(), TrainingRun.sha256(params),
                Files.isRegularFile(manifest) ? TrainingRun.sha256(manifest) : null, 0);
        TrainingComponents parts = components.create(modelConfig, config);
        int contextLength = modelConfig.model().text().contextLength();
        if (parts.tokenizer().contextLength() > contextLength) {
            throw new IllegalArgumentException("the tokenizer's context length " + parts.tokenizer().contextLength()
                    + " exceeds the model's " + contextLength);
        }
        Device device = config.device().resolve();
        try (NDManager root = NDManager.newBaseManager(device);
                BatchLoader loader = new BatchLoader(TrainingData.training(config), parts.trainTransform(),
                        parts.decoder(), TrainingData.trainingOptions(config));
                EpochEvaluator evaluator = new EpochEvaluator(config, modelConfig, parts)) {
            Engine.getInstance().setRandomSeed((int) config.seed());
            ClipModel model;
            if (resumeFrom != null) {
                model = ClipModel.create(modelConfig.model(), root);
                resumeFrom.loadWeights(model);
            } else if (config.pretrained() != null) {
                model = ModelFolder.loadModel(config.pretrained(), modelConfig, root);
            } else {
                model = ClipModel.create(modelConfig.model(), root);
            }
            ModelSetup.lockTowers(model, config);
            TrainableParameters trainable = TrainableParameters.of(OpenClipKeys.parameters(model));
            try (AdamW adamW = new AdamW(trainable, config.adamW(), root)) {
                if (resumeFrom != null) {
                    resumeFrom.loadOptimizer(adamW);
                }
                Run run = new Run(modelConfig, model, trainable, adamW, loader, evaluator, parts, root, layout,
                        provenance);
                return run.execute(resumeFrom == null ? null : resumeFrom.state());
            }
        }
    }

    /** The state of one execution of the training loop. */
    private final class Run {
        private final OpenClipConfig modelConfig;
        private final ClipModel model;
        private final TrainableParameters trainable;
        private final AdamW adamW;
        private final BatchLoader loader;
        private final EpochEvaluator evaluator;
        private final TrainingComponents parts;
        private final NDManager root;
        private final CheckpointLayout layout;
        private final CheckpointWriter writer;
        private final ResultsLog results;
        private final ParameterStore store;
        private final TrainingStep trainingStep;
        private final TrainingRun provenance;
        private final ScheduleInputs schedule;
        private final LrSchedule lrSchedule;

        private long step;
        private int epoch;
        private long stepInEpoch;
        private LoaderPosition position;
        private Path lastCheckpoint;
        private long lastCheckpointStep = -1;
        private float lastLoss = Float.NaN;
        private List<String> lastKeys = List.of();
        private double windowLoss;
        private double windowSeconds;
        private double windowDataWait;
        private long windowSteps;
        private EpochTotals epochTotals = EpochTotals.NONE;
        private final Map<BadSampleReason, Long> runSkipped = new EnumMap<>(BadSampleReason.class);
        /** Skips counted from the batches of the current pass over the data. */
        private final Map<BadSampleReason, Long> passSkipped = new EnumMap<>(BadSampleReason.class);

        Run(OpenClipConfig modelConfig, ClipModel model, TrainableParameters trainable, AdamW adamW, BatchLoader loader,
                EpochEvaluator evaluator, TrainingComponents parts, NDManager root, CheckpointLayout layout, TrainingRun provenance) {
            this.provenance = provenance;
            this.modelConfig = modelConfig;
            this.model = model;
            this.trainable = trainable;
            this.adamW = adamW;
            this.loader = loader;
            this.evaluator = evaluator;
            this.parts = parts;
            this.root = root;
            this.layout = layout;
            writer = new CheckpointWriter(layout);
            results = new ResultsLog(config.runDirectory());
            store = new ParameterStore(root, false);
            trainingStep = new TrainingStep(model, trainable, adamW, config.loss().newLoss(), store,
                    config.gradClipNorm() == null ? null : new GradNormClipper(config.gradClipNorm()));
            schedule = scheduleInputs(loader);
            lrSchedule = schedule(schedule);
        }

        TrainingSummary execute(TrainingState resumed) throws IOException {
            if (resumed == null) {
                position = LoaderPosition.startOf(0);
            } else {
                checkResumable(resumed);
                step = resumed.step();
                epoch = resumed.epoch();
                stepInEpoch = resumed.stepInEpoch();
                position = resumed.loaderPosition();
                lastCheckpointStep = resumed.step();
                epochTotals = resumed.epochTotals();
                runSkipped.putAll(epochTotals.skipped());
            }
            boolean stoppedAtMaxSteps = false;
            Map<String, Double> lastMetrics = Map.of();
            try (TrainingProgress progress = new TrainingProgress(config.quiet(), schedule.totalSteps(), step)) {
                while (epoch < config.epochs()) {
                    if (reachedMaxSteps()) {
                        stoppedAtMaxSteps = true;
                        break;
                    }
                    trainEpochRest(progress);
                    if (stepInEpoch < schedule.stepsPerEpoch() && reachedMaxSteps()) {
                        stoppedAtMaxSteps = true;
                        break;
                    }
                    lastMetrics = finishEpoch();
                }
                if (stoppedAtMaxSteps && lastCheckpointStep != step) {
                    save(layout.step(step));
                }
            }
            Path curves = TrainingCurvePlot.write(config.runDirectory(), ResultsLog.read(results.file()));
            return new TrainingSummary(config.runDirectory(), step, epoch, lastLoss, lastCheckpoint, stoppedAtMaxSteps,
                    lastMetrics, curves, runSkipped);
        }

        /** Trains the remaining steps of the current epoch, or up to {@code --max-steps}. */
        private void trainEpochRest(TrainingProgress progress) throws IOException {
            passSkipped.clear();
            try (BatchIterator batches = loader.iterator(position)) {
                while (stepInEpoch < schedule.stepsPerEpoch() && !reachedMaxSteps()) {
                    long started = System.nanoTime();
                    List<Batch> group = new ArrayList<>(config.accumFreq());
                    long waitNanos = take(batches, group);
                    countSkipped(group);
                    if (group.size() < config.accumFreq()) {
                        endOfData(batches.badSampleReport());
                        return;
                    }
                    StepRecord record = trainStep(group, started, waitNanos);
                    progress.update(record);
                    listener.stepFinished(record, model, root);
                    log(record);
                    boolean epochEnds = stepInEpoch == schedule.stepsPerEpoch();
                    if (config.saveEveryNSteps() > 0 && step % config.saveEveryNSteps() == 0 && !epochEnds) {
                        save(layout.step(step));
                    }
                }
                if (stepInEpoch == schedule.stepsPerEpoch()) {
                    requireTolerableBadFraction(batches.badSampleReport());
                }
            }
        }

        private void countSkipped(List<Batch> group) {
            for (Batch batch : group) {
                addSkipped(batch.skipped());
            }
        }

        private void addSkipped(Map<BadSampleReason, Long> skipped) {
            epochTotals = epochTotals.plusSkipped(skipped);
            skipped.forEach((reason, count) -> {
                runSkipped.merge(reason, count, Long::sum);
                passSkipped.merge(reason, count, Long::sum);
            });
        }

        /**
         * The data ran out before the epoch's last step: fine, unless the epoch has no step at all. The bad samples
         * after the last batch belong to no batch; the finished pass's report accounts for them.
         */
        private void endOfData(BadSampleReport report) {
            Map<BadSampleReason, Long> trailing = new EnumMap<>(BadSampleReason.class);
            report.countsByReason().forEach((reason, count) -> {
                long rest = count - passSkipped.getOrDefault(reason, 0L);
                if (rest > 0) {
                    trailing.put(reason, rest);
                }
            });
            addSkipped(trailing);
            if (stepInEpoch == 0) {
                throw new NothingTrainedException(epoch + 1, config.trainData(), report);
            }
            requireTolerableBadFraction(report);
            stepInEpoch = schedule.stepsPerEpoch();
        }

        /**
         * The loader checks the bad fraction only once it has seen enough samples to judge; a finished pass is
         * judged whatever its size.
         */
        private void requireTolerableBadFraction(BadSampleReport report) {
            if (report.badFraction() > config.maxBadFraction()) {
                throw new TooManyBadSamplesException(report, config.maxBadFraction(), config.trainData());
            }
        }

        /** Takes the batches of one step; returns the nanoseconds spent waiting for them. */
        private long take(Iterator<Batch> batches, List<Batch> group) {
            long start = System.nanoTime();
            while (group.size() < config.accumFreq() && batches.hasNext()) {
                group.add(batches.next());
            }
            return System.nanoTime() - start;
        }

        private StepRecord trainStep(List<Batch> group, long started, long waitNanos) {
            double lr = lrSchedule.lr(step);
            lastKeys = keys(group);
            float loss;
            float scale;
            try (NDManager stepManager = root.newSubManager()) {
                List<NDList> inputs = new ArrayList<>(group.size());
                for (Batch batch : group) {
                    inputs.add(BatchInputs.of(batch, parts.tokenizer(), stepManager));
                }
                TrainingStep.Outcome outcome = trainingStep.run(inputs, lr, stepManager);
                loss = outcome.loss();
                if (!Float.isFinite(loss)) {
                    throw new TrainingDivergedException(step + 1, "loss is " + loss, lastKeys);
                }
                scale = outcome.logitScale();
            }
            step++;
            stepInEpoch++;
            position = group.get(group.size() - 1).next();
            lastLoss = loss;
            double seconds = (System.nanoTime() - started) / 1e9;
            long samples = 0;
            for (Batch batch : group) {
                samples += batch.size();
            }
            return new StepRecord(step, epoch, stepInEpoch, loss, lr, Math.exp(scale), samples / seconds,
                    waitNanos / 1e9);
        }

        private void log(StepRecord record) throws IOException {
            windowLoss += record.loss();
            windowDataWait += record.dataWaitSeconds();
            windowSeconds += config.effectiveBatchSize() / record.samplesPerSecond();
            windowSteps++;
            epochTotals = epochTotals.plusStep(record.loss());
            boolean epochEnds = record.stepInEpoch() == schedule.stepsPerEpoch();
            if (record.step() % config.logEveryNSteps() != 0 && !epochEnds) {
                return;
            }
            ObjectNode line = ResultsLog.record("train");
            line.put("step", record.step());
            line.put("epoch", record.epoch());
            line.put("epoch_progress", (double) record.stepInEpoch() / schedule.stepsPerEpoch());
            line.put("samples", record.step() * config.effectiveBatchSize());
            line.put("loss", record.loss());
            line.put("loss_avg", windowLoss / windowSteps);
            line.put("lr", record.lr());
            line.put("logit_scale", record.logitScale());
            line.put("samples_per_second", windowSteps * config.effectiveBatchSize() / windowSeconds);
            line.put("data_wait_seconds", windowDataWait / windowSteps);
            results.append(line);
            windowLoss = 0;
            windowSeconds = 0;
            windowDataWait = 0;
            windowSteps = 0;
        }

        /** Evaluates, logs and checkpoints a finished epoch and moves to the next. */
        private Map<String, Double> finishEpoch() throws IOException {
            epoch++;
            stepInEpoch = 0;
            position = LoaderPosition.startOf(epoch);
            Map<String, Double> metrics = evaluator.enabled() ? evaluator.evaluate(model, store, root) : Map.of();
            ObjectNode line = ResultsLog.record("epoch");
            line.put("epoch", epoch);
            line.put("step", step);
            if (epochTotals.steps() > 0) {
                line.put("train_loss_avg", epochTotals.lossSum() / epochTotals.steps());
            }
            line.put("skipped_samples", epochTotals.skippedCount());
            ObjectNode skipped = line.putObject("skipped_by_reason");
            epochTotals.skipped().forEach((reason, count) -> skipped.put(reason.name(), count));
            metrics.forEach(line::put);
            results.append(line);
            epochTotals = EpochTotals.NONE;
            listener.epochFinished(epoch, metrics);
            save(layout.epoch(epoch));
            return metrics;
        }

        private void save(Path target) throws IOException {
            for (int i = 0; i < trainable.size(); i++) {
                Parameter p = trainable.parameters().get(i);
                if (!allFinite(p.getArray())) {
                    throw new TrainingDivergedException(step, "parameter " + trainable.names().get(i)
                            + " is not finite after the update", lastKeys);
                }
            }
            TrainingState state = new TrainingState(step, epoch, stepInEpoch, position, adamW.stepCount(), schedule,
                    config.seed(), TrainingState.hash(config.trajectoryJson()), config.trajectoryJson(), epochTotals);
            lastCheckpoint = writer.write(target, modelConfig, model, adamW, state, provenance.atStep(step));
            lastCheckpointStep = step;
        }

        private boolean allFinite(NDArray array) {
            try (NDManager scratch = root.newSubManager()) {
                NDArray view = array.reshape(array.getShape());
                view.attach(scratch);
                return !view.isInfinite().logicalOr(view.isNaN()).any().getBoolean();
            }
        }

        private boolean reachedMaxSteps() {
            return config.maxSteps() != null && step >= config.maxSteps();
        }

        private void checkResumable(TrainingState resumed) {
            ObjectNode now = config.trajectoryJson();
            if (!TrainingState.hash(now).equals(resumed.configHash())) {
                List<String> differing = new ArrayList<>();
                now.fieldNames().forEachRemaining(field -> {
                    if (!now.get(field).equals(resumed.trajectoryConfig().get(field))) {
                        differing.add(field + " (checkpoint " + resumed.trajectoryConfig().get(field) + ", now "
                                + now.get(field) + ")");
                    }
                });
                throw new IllegalArgumentException("--resume: the checkpoint was trained with other settings, so the"
                        + " run would not continue the same way: " + differing);
            }
            if (resumed.schedule().stepsPerEpoch() != schedule.stepsPerEpoch()) {
                throw new IllegalArgumentException("--resume: the checkpoint's epochs have "
                        + resumed.schedule().stepsPerEpoch() + " steps but the data now gives " + schedule.stepsPerEpoch()
                        + " (has the training data changed?)");
            }
        }

        private ScheduleInputs scheduleInputs(BatchLoader batches) {
            long nominalBatches = config.trainNumSamples() != null ? config.trainNumSamples() / config.batchSize()
                    : batches.nominalBatchesPerEpoch().orElseThrow(() -> new IllegalArgumentException(
                            "the size of the training data is unknown; give --train-num-samples"));
            long stepsPerEpoch = nominalBatches / config.accumFreq();
            if (stepsPerEpoch == 0) {
                throw new IllegalArgumentException("an epoch of " + nominalBatches + " batches of " + config.batchSize()
                        + " has no complete step of --accum-freq " + config.accumFreq()
                        + " batches; use a smaller --batch-size or more data");
            }
            long cooldown = config.epochsCooldown() == null ? 0 : stepsPerEpoch * config.epochsCooldown();
            return new ScheduleInputs(config.lrScheduler().flag(), config.lr(), config.warmup(),
                    stepsPerEpoch * config.epochs(), stepsPerEpoch, cooldown, config.lrCooldownPower(),
                    config.lrCooldownEnd());
        }

        private LrSchedule schedule(ScheduleInputs s) {
            switch (config.lrScheduler()) {
                case CONST:
                    return LrSchedule.constant(s.baseLr(), s.warmup());
                case CONST_COOLDOWN:
                    return LrSchedule.constantThenCooldown(s.baseLr(), s.warmup(), s.totalSteps(), s.cooldownSteps(),
                            s.cooldownPower(), s.cooldownEndLr());
                default:
                    return LrSchedule.cosine(s.baseLr(), s.warmup(), s.totalSteps());
            }
        }

        private List<String> keys(List<Batch> group) {
            List<String> keys = new ArrayList<>();
            for (Batch batch : group) {
                keys.addAll(batch.keys());
            }
            return keys;
        }
    }
}
