package io.github.dermlip.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.train.data.LlavaCaption;
import io.github.dermlip.train.loss.LossKind;
import io.github.dermlip.train.optim.AdamWConfig;
import io.github.dermlip.train.optim.LrSchedulerKind;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a training run needs, named after open_clip's command-line arguments where the meaning is the same.
 * Build one with {@link #builder()}; the command line fills a builder from its flags.
 *
 * @param trainData training manifest(s) (CSV/TSV/JSONL/LLaVA JSON) or WebDataset shard patterns, {@code ::}-separated
 * @param valData validation manifest, or null for none
 * @param datasetType format of {@code trainData} (of each {@code ::} part) and {@code valData}
 * @param csvImgKey manifest column of the image paths
 * @param csvCaptionKey manifest column of the captions
 * @param csvSeparator column separator, or null for the data loader's rule (tab, or comma for a comma-separated {@code .csv})
 * @param imageRoot folder relative image paths resolve against, or null for the manifest's folder
 * @param trainNumSamples samples per epoch of a WebDataset (required for one), null otherwise
 * @param llavaCaption which gpt turns of a LLaVA conversation manifest become captions
 * @param model model name, config JSON or hub directory
 * @param pretrained model folder (open_clip, or a Hugging Face CLIPModel) whose weights start the run, or null for a
 *     random init
 * @param vocab CLIP BPE vocabulary file, or null for the default location
 * @param batchSize samples per micro-batch
 * @param epochs epochs to train
 * @param lr peak learning rate
 * @param wd decoupled weight decay
 * @param beta1 AdamW's first-moment decay
 * @param beta2 AdamW's second-moment decay
 * @param eps AdamW's epsilon
 * @param warmup warmup steps
 * @param lrScheduler learning-rate schedule
 * @param epochsCooldown epochs of cooldown for {@code const-cooldown}, or null
 * @param lrCooldownPower power of the cooldown decay
 * @param lrCooldownEnd learning rate at the end of the cooldown
 * @param gradClipNorm global gradient-norm bound, or null for no clipping
 * @param accumFreq micro-batches per optimizer step
 * @param loss the contrastive objective
 * @param augCfg training augmentation as open_clip's {@code --aug-cfg} key=value pairs
 * @param lockImage freeze the image tower
 * @param lockText freeze the text tower
 * @param lockTextUnlockedLayers with {@code lockText}, the last layers of a Hugging Face text tower left trainable
 * @param lockTextFreezeLayerNorm with {@code lockText}, freeze the LayerNorms of the locked Hugging Face layers too
 * @param seed the seed of the model init and of all data order and augmentation
 * @param workers data-loading threads
 * @param logs folder of all runs
 * @param name this run's folder under {@code logs}
 * @param resume null, {@code latest}, or a checkpoint directory to continue from
 * @param saveEveryNSteps write a step checkpoint every this many steps, 0 for epoch checkpoints only
 * @param logEveryNSteps write a {@code results.jsonl} line every this many steps
 * @param maxSteps stop once this many optimizer steps are done in total (a bounded run), or null
 * @param device where to train
 * @param maxBadFraction share of unusable samples tolerated before the run stops
 * @param quiet no progress bar
 * @param zeroshotClasses class names (one a line, or a JSON array) for zero-shot accuracy each epoch, or null
 * @param zeroshotData CSV with columns {@code image_path,label} of the zero-shot images, or null
 * @param zeroshotTemplates prompt templates with {@code {}} (one a line, or a JSON array), or null for DermLIP's
 *     eight skin templates
 * @param confinePaths refuse a manifest whose image paths leave the image root ({@code ../}, absolute paths); off by
 *     default, as in open_clip, which opens whatever path a manifest names
 */
public record TrainConfig(String trainData, String valData, DatasetType datasetType, String csvImgKey,
        String csvCaptionKey, Character csvSeparator, Path imageRoot, Long trainNumSamples, LlavaCaption llavaCaption,
        String model, Path pretrained, Path vocab,
        int batchSize, int epochs, double lr, double wd, double beta1, double beta2, double eps, long warmup,
        LrSchedulerKind lrScheduler, Integer epochsCooldown, double lrCooldownPower, double lrCooldownEnd,
        Double gradClipNorm, int accumFreq, LossKind loss, Map<String, String> augCfg,
        boolean lockImage, boolean lockText, int lockTextUnlockedLayers, boolean lockTextFreezeLayerNorm,
        long seed, int workers, Path logs, String name, String resume, long saveEveryNSteps, long logEveryNSteps,
        Long maxSteps, DeviceChoice device, double maxBadFraction, boolean quiet,
        Path zeroshotClasses, Path zeroshotData, Path zeroshotTemplates, boolean confinePaths) {

    /** The value of {@link #resume} that continues from the run's latest checkpoint. */
    public static final String RESUME_LATEST = io.github.dermlip.train.checkpoint.Checkpoint.LATEST;

    /** Checks required values and ranges; every message names the flag. */
    public TrainConfig {
        require(trainData != null && !trainData.isBlank(), "--train-data is required");
        Objects.requireNonNull(datasetType, "--dataset-type");
        Objects.requireNonNull(csvImgKey, "--csv-img-key");
        Objects.requireNonNull(csvCaptionKey, "--csv-caption-key");
        Objects.requireNonNull(llavaCaption, "--llava-caption");
        require(model != null && !model.isBlank(), "--model is required");
        require(batchSize >= 1, "--batch-size must be >= 1, found " + batchSize);
        require(epochs >= 1, "--epochs must be >= 1, found " + epochs);
        require(lr >= 0 && !Double.isNaN(lr), "--lr must be >= 0, found " + lr);
        new AdamWConfig(wd, beta1, beta2, eps); // validates --wd, --beta1, --beta2 and --eps
        require(warmup >= 0, "--warmup must be >= 0, found " + warmup);
        Objects.requireNonNull(lrScheduler, "--lr-scheduler");
        require(lrScheduler != LrSchedulerKind.CONST_COOLDOWN || epochsCooldown != null,
                "--lr-scheduler const-cooldown needs --epochs-cooldown");
        require(epochsCooldown == null || (epochsCooldown >= 1 && epochsCooldown <= epochs),
                "--epochs-cooldown must be within [1, --epochs], found " + epochsCooldown);
        require(gradClipNorm == null || gradClipNorm > 0, "--grad-clip-norm must be > 0, found " + gradClipNorm);
        require(accumFreq >= 1, "--accum-freq must be >= 1, found " + accumFreq);
        Objects.requireNonNull(loss, "--loss");
        augCfg = Map.copyOf(augCfg == null ? Map.of() : augCfg);
        require(workers >= 1, "--workers must be >= 1, found " + workers);
        Objects.requireNonNull(logs, "--logs");
        require(name != null && !name.isBlank(), "--name must not be empty");
        require(saveEveryNSteps >= 0, "--save-every-n-steps must be >= 0, found " + saveEveryNSteps);
        require(logEveryNSteps >= 1, "--log-every-n-steps must be >= 1, found " + logEveryNSteps);
        require(maxSteps == null || maxSteps >= 1, "--max-steps must be >= 1, found " + maxSteps);
        Objects.requireNonNull(device, "--device");
        require(maxBadFraction >= 0 && maxBadFraction <= 1, "--max-bad-fraction must be within [0, 1], found " + maxBadFraction);
        require(trainNumSamples == null || trainNumSamples >= 1, "--train-num-samples must be >= 1, found " + trainNumSamples);
        require((zeroshotClasses == null) == (zeroshotData == null),
                "--zeroshot-classes and --zeroshot-data go together");
        require(zeroshotTemplates == null || zeroshotClasses != null, "--zeroshot-templates needs --zeroshot-classes");
    }

    /** A builder with open_clip's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** AdamW's hyper-parameters. */
    public AdamWConfig adamW() {
        return new AdamWConfig(wd, beta1, beta2, eps);
    }

    /** Samples per optimizer step ({@code batchSize * accumFreq}). */
    public int effectiveBatchSize() {
        return batchSize * accumFreq;
    }

    /** The run's folder, {@code logs/name}. */
    public Path runDirectory() {
        return logs.resolve(name);
    }

    /** Every argument under its open_clip name, as written to {@code params.json}. */
    public ObjectNode toJson() {
        ObjectNode node = trajectoryJson();
        node.put("val_data", valData);
        node.put("workers", workers);
        node.put("logs", logs.toString());
        node.put("name", name);
        node.put("resume", resume);
        node.put("save_every_n_steps", saveEveryNSteps);
        node.put("log_every_n_steps", logEveryNSteps);
        node.put("max_steps", maxSteps);
        node.put("device", device.toString());
        node.put("max_bad_fraction", maxBadFraction);
        node.put("quiet", quiet);
        node.put("confine_paths", confinePaths);
        node.put("zeroshot_classes", pathString(zeroshotClasses));
        node.put("zeroshot_data", pathString(zeroshotData));
        node.put("zeroshot_templates", pathString(zeroshotTemplates));
        return node;
    }

    /**
     * The arguments that decide the sequence of weights a run goes through; a run may only be resumed under the
     * same values. Bounds such as {@code max_steps}, logging, saving, evaluation and the worker count (batches do
     * not depend on it) are left out.
     */
    public ObjectNode trajectoryJson() {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("train_data", trainData);
        node.put("dataset_type", datasetType.toString());
        node.put("csv_img_key", csvImgKey);
        node.put("csv_caption_key", csvCaptionKey);
        node.put("csv_separator", csvSeparator == null ? null : csvSeparator.toString());
        node.put("image_root", pathString(imageRoot));
        node.put("train_num_samples", trainNumSamples);
        node.put("llava_caption", llavaCaption.toString());
        node.put("model", model);
        node.put("pretrained", pathString(pretrained));
        node.put("vocab", pathString(vocab));
        node.put("batch_size", batchSize);
        node.put("epochs", epochs);
        node.put("lr", lr);
        node.put("wd", wd);
        node.put("beta1", beta1);
        node.put("beta2", beta2);
        node.put("eps", eps);
        node.put("warmup", warmup);
        node.put("lr_scheduler", lrScheduler.flag());
        node.put("epochs_cooldown", epochsCooldown);
        node.put("lr_cooldown_power", lrCooldownPower);
        node.put("lr_cooldown_end", lrCooldownEnd);
        node.put("grad_clip_norm", gradClipNorm);
        node.put("accum_freq", accumFreq);
        node.put("loss", loss.name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode aug = node.putObject("aug_cfg");
        new java.util.TreeMap<>(augCfg).forEach(aug::put);
        node.put("lock_image", lockImage);
        node.put("lock_text", lockText);
        node.put("lock_text_unlocked_layers", lockTextUnlockedLayers);
        node.put("lock_text_freeze_layer_norm", lockTextFreezeLayerNorm);
        node.put("seed", seed);
        return node;
    }

    private static String pathString(Path p) {
        return p == null ? null : p.toString();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Mutable companion of {@link TrainConfig}, starting from open_clip's defaults. */
    public static final class Builder {
        private String trainData;
        private String valData;
        private DatasetType datasetType = DatasetType.AUTO;
        private String csvImgKey = "filepath";
        private String csvCaptionKey = "title";
        private Character csvSeparator;
        private Path imageRoot;
        private Long trainNumSamples;
        private LlavaCaption llavaCaption = LlavaCaption.ANSWER;
        private String model = "ViT-B-16";
        private Path pretrained;
        private Path vocab;
        private int batchSize = 64;
        private int epochs = 32;
        private double lr = 5e-4;
        private double wd = AdamWConfig.DEFAULT_WEIGHT_DECAY;
        private double beta1 = AdamWConfig.DEFAULT_BETA1;
        private double beta2 = AdamWConfig.DEFAULT_BETA2;
        private double eps = AdamWConfig.DEFAULT_EPS;
        private long warmup = 10_000;
        private LrSchedulerKind lrScheduler = LrSchedulerKind.COSINE;
        private Integer epochsCooldown;
        private double lrCooldownPower = 1.0;
        private double lrCooldownEnd = 0.0;
        private Double gradClipNorm;
        private int accumFreq = 1;
        private LossKind loss = LossKind.CLIP;
        private Map<String, String> augCfg = new LinkedHashMap<>();
        private boolean lockImage;
        private boolean lockText;
        private int lockTextUnlockedLayers;
        private boolean lockTextFreezeLayerNorm;
        private long seed;
        private int workers = 4;
        private Path logs = Path.of("logs");
        private String name;
        private String resume;
        private long saveEveryNSteps;
        private long logEveryNSteps = 100;
        private Long maxSteps;
        private DeviceChoice device = DeviceChoice.AUTO;
        private double maxBadFraction = 0.05;
        private boolean quiet;
        private Path zeroshotClasses;
        private Path zeroshotData;
        private Path zeroshotTemplates;
        private boolean confinePaths;

        private Builder() {}

        private Builder(TrainConfig c) {
            trainData = c.trainData;
            valData = c.valData;
            datasetType = c.datasetType;
            csvImgKey = c.csvImgKey;
            csvCaptionKey = c.csvCaptionKey;
            csvSeparator = c.csvSeparator;
            imageRoot = c.imageRoot;
            llavaCaption = c.llavaCaption;
            trainNumSamples = c.trainNumSamples;
            model = c.model;
            pretrained = c.pretrained;
            vocab = c.vocab;
            batchSize = c.batchSize;
            epochs = c.epochs;
            lr = c.lr;
            wd = c.wd;
            beta1 = c.beta1;
            beta2 = c.beta2;
            eps = c.eps;
            warmup = c.warmup;
            lrScheduler = c.lrScheduler;
            epochsCooldown = c.epochsCooldown;
            lrCooldownPower = c.lrCooldownPower;
            lrCooldownEnd = c.lrCooldownEnd;
            gradClipNorm = c.gradClipNorm;
            accumFreq = c.accumFreq;
            loss = c.loss;
            augCfg = new LinkedHashMap<>(c.augCfg);
            lockImage = c.lockImage;
            lockText = c.lockText;
            lockTextUnlockedLayers = c.lockTextUnlockedLayers;
            lockTextFreezeLayerNorm = c.lockTextFreezeLayerNorm;
            seed = c.seed;
            workers = c.workers;
            logs = c.logs;
            name = c.name;
            resume = c.resume;
            saveEveryNSteps = c.saveEveryNSteps;
            logEveryNSteps = c.logEveryNSteps;
            maxSteps = c.maxSteps;
            device = c.device;
            maxBadFraction = c.maxBadFraction;
            quiet = c.quiet;
            zeroshotClasses = c.zeroshotClasses;
            zeroshotData = c.zeroshotData;
            zeroshotTemplates = c.zeroshotTemplates;
            confinePaths = c.confinePaths;
        }

        /** Sets {@code --train-data}. */
        public Builder trainData(String v) { trainData = v; return this; }
        /** Sets {@code --val-data}. */
        public Builder valData(String v) { valData = v; return this; }
        /** Sets {@code --dataset-type}. */
        public Builder datasetType(DatasetType v) { datasetType = v; return this; }
        /** Sets {@code --csv-img-key}. */
        public Builder csvImgKey(String v) { csvImgKey = v; return this; }
        /** Sets {@code --csv-caption-key}. */
        public Builder csvCaptionKey(String v) { csvCaptionKey = v; return this; }
        /** Sets {@code --csv-separator}. */
        public Builder csvSeparator(Character v) { csvSeparator = v; return this; }
        /** Sets {@code --image-root}. */
        public Builder imageRoot(Path v) { imageRoot = v; return this; }
        /** Sets {@code --train-num-samples}. */
        public Builder trainNumSamples(Long v) { trainNumSamples = v; return this; }
        /** Sets {@code --llava-caption}. */
        public Builder llavaCaption(LlavaCaption v) { llavaCaption = v; return this; }
        /** Sets {@code --model}. */
        public Builder model(String v) { model = v; return this; }
        /** Sets {@code --pretrained}. */
        public Builder pretrained(Path v) { pretrained = v; return this; }
        /** Sets {@code --vocab}. */
        public Builder vocab(Path v) { vocab = v; return this; }
        /** Sets {@code --batch-size}. */
        public Builder batchSize(int v) { batchSize = v; return this; }
        /** Sets {@code --epochs}. */
        public Builder epochs(int v) { epochs = v; return this; }
        /** Sets {@code --lr}. */
        public Builder lr(double v) { lr = v; return this; }
        /** Sets {@code --wd}. */
        public Builder wd(double v) { wd = v; return this; }
        /** Sets {@code --beta1}. */
        public Builder beta1(double v) { beta1 = v; return this; }
        /** Sets {@code --beta2}. */
        public Builder beta2(double v) { beta2 = v; return this; }
        /** Sets {@code --eps}. */
        public Builder eps(double v) { eps = v; return this; }
        /** Sets {@code --warmup}. */
        public Builder warmup(long v) { warmup = v; return this; }
        /** Sets {@code --lr-scheduler}. */
        public Builder lrScheduler(LrSchedulerKind v) { lrScheduler = v; return this; }
        /** Sets {@code --epochs-cooldown}. */
        public Builder epochsCooldown(Integer v) { epochsCooldown = v; return this; }
        /** Sets {@code --lr-cooldown-power}. */
        public Builder lrCooldownPower(double v) { lrCooldownPower = v; return this; }
        /** Sets {@code --lr-cooldown-end}. */
        public Builder lrCooldownEnd(double v) { lrCooldownEnd = v; return this; }
        /** Sets {@code --grad-clip-norm}. */
        public Builder gradClipNorm(Double v) { gradClipNorm = v; return this; }
        /** Sets {@code --accum-freq}. */
        public Builder accumFreq(int v) { accumFreq = v; return this; }
        /** Sets {@code --loss}. */
        public Builder loss(LossKind v) { loss = v; return this; }
        /** Sets {@code --aug-cfg}. */
        public Builder augCfg(Map<String, String> v) { augCfg = new LinkedHashMap<>(v); return this; }
        /** Sets {@code --lock-image}. */
        public Builder lockImage(boolean v) { lockImage = v; return this; }
        /** Sets {@code --lock-text}. */
        public Builder lockText(boolean v) { lockText = v; return this; }
        /** Sets {@code --lock-text-unlocked-layers}. */
        public Builder lockTextUnlockedLayers(int v) { lockTextUnlockedLayers = v; return this; }
        /** Sets {@code --lock-text-freeze-layer-norm}. */
        public Builder lockTextFreezeLayerNorm(boolean v) { lockTextFreezeLayerNorm = v; return this; }
        /** Sets {@code --seed}. */
        public Builder seed(long v) { seed = v; return this; }
        /** Sets {@code --workers}. */
        public Builder workers(int v) { workers = v; return this; }
        /** Sets {@code --logs}. */
        public Builder logs(Path v) { logs = v; return this; }
        /** Sets {@code --name}; when never set, {@link #build()} derives one from the date and settings as open_clip does. */
        public Builder name(String v) { name = v; return this; }
        /** Sets {@code --resume}. */
        public Builder resume(String v) { resume = v; return this; }
        /** Sets {@code --save-every-n-steps}. */
        public Builder saveEveryNSteps(long v) { saveEveryNSteps = v; return this; }
        /** Sets {@code --log-every-n-steps}. */
        public Builder logEveryNSteps(long v) { logEveryNSteps = v; return this; }
        /** Sets {@code --max-steps}. */
        public Builder maxSteps(Long v) { maxSteps = v; return this; }
        /** Sets {@code --device}. */
        public Builder device(DeviceChoice v) { device = v; return this; }
        /** Sets {@code --max-bad-fraction}. */
        public Builder maxBadFraction(double v) { maxBadFraction = v; return this; }
        /** Sets {@code --quiet}. */
        public Builder quiet(boolean v) { quiet = v; return this; }
        /** Sets {@code --zeroshot-classes}. */
        public Builder zeroshotClasses(Path v) { zeroshotClasses = v; return this; }
        /** Sets {@code --zeroshot-data}. */
        public Builder zeroshotData(Path v) { zeroshotData = v; return this; }
        /** Sets {@code --zeroshot-templates}. */
        public Builder zeroshotTemplates(Path v) { zeroshotTemplates = v; return this; }
        /** Sets {@code --confine-paths}. */
        public Builder confinePaths(boolean v) { confinePaths = v; return this; }

        /** The validated config. */
        public TrainConfig build() {
            String runName = name != null ? name : defaultName();
            return new TrainConfig(trainData, valData, datasetType, csvImgKey, csvCaptionKey, csvSeparator, imageRoot,
                    trainNumSamples, llavaCaption, model, pretrained, vocab, batchSize, epochs, lr, wd, beta1, beta2, eps,
                    warmup, lrScheduler, epochsCooldown, lrCooldownPower, lrCooldownEnd, gradClipNorm, accumFreq, loss, augCfg,
                    lockImage, lockText, lockTextUnlockedLayers, lockTextFreezeLayerNorm, seed, workers, logs, runName,
                    resume, saveEveryNSteps, logEveryNSteps, maxSteps, device, maxBadFraction, quiet, zeroshotClasses,
                    zeroshotData, zeroshotTemplates, confinePaths);
        }

        /** open_clip's automatic run name: date, model, lr, batch size, workers and precision. */
        private String defaultName() {
            String date = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss"));
            String modelName = Path.of(model == null ? "model" : model).getFileName().toString().replace('/', '-');
            return date + "-model_" + modelName + "-lr_" + lr + "-b_" + batchSize + "-j_" + workers + "-p_fp32";
        }
    }
}
