package io.github.dermlip.train.cli;

import io.github.dermlip.core.hub.ModelReference;
import io.github.dermlip.train.DatasetType;
import io.github.dermlip.train.DeviceChoice;
import io.github.dermlip.train.NothingTrainedException;
import io.github.dermlip.train.TrainConfig;
import io.github.dermlip.train.Trainer;
import io.github.dermlip.train.TrainingDivergedException;
import io.github.dermlip.train.TrainingSummary;
import io.github.dermlip.train.data.BadSampleReason;
import io.github.dermlip.train.data.LlavaCaption;
import io.github.dermlip.train.data.SampleProcessingException;
import io.github.dermlip.train.data.TooManyBadSamplesException;
import io.github.dermlip.train.loss.LossKind;
import io.github.dermlip.train.optim.LrSchedulerKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code train}: contrastive pretraining from the command line, with open_clip's flag names where the meaning is
 * the same. Run as {@code dermlip-train train --train-data DATA --model NAME ...}; {@code --help} lists every flag.
 *
 * <p>Exit codes: 0 on success, 2 for bad arguments, unreadable inputs or unusable data, 3 when training diverged
 * (NaN/Inf).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Contrastive image-text pretraining (CLIP or SigLIP loss) writing open_clip checkpoints.")
public final class TrainCommand implements Callable<Integer> {
    /** Exit code for bad arguments or unreadable inputs. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a run stopped by a NaN or infinite loss. */
    public static final int EXIT_DIVERGED = 3;

    @Option(names = "--train-data", required = true, paramLabel = "PATH",
            description = "Training manifest(s) (CSV/TSV/JSONL/LLaVA JSON) or WebDataset shard pattern(s),"
                    + " '::'-separated.")
    String trainData;
    @Option(names = "--val-data", paramLabel = "PATH", description = "Validation manifest: loss and retrieval R@1/5/10 every epoch.")
    String valData;
    @Option(names = "--dataset-type", defaultValue = "auto", description = "csv, jsonl, llava, webdataset or auto, by extension per '::' part (default: ${DEFAULT-VALUE}).")
    String datasetType;
    @Option(names = "--llava-caption", defaultValue = "answer",
            description = "LLaVA JSON captions: answer (first gpt turn), all-answers (joined) or pairs (one sample per gpt"
                    + " turn) (default: ${DEFAULT-VALUE}).")
    String llavaCaption;
    @Option(names = "--csv-img-key", defaultValue = "filepath", description = "Image path column (default: ${DEFAULT-VALUE}).")
    String csvImgKey;
    @Option(names = "--csv-caption-key", defaultValue = "title", description = "Caption column (default: ${DEFAULT-VALUE}).")
    String csvCaptionKey;
    @Option(names = "--csv-separator", paramLabel = "CHAR",
            description = "Column separator ('\\t' or 'tab' for a tab); default: tab, or comma for a comma-separated .csv.")
    String csvSeparator;
    @Option(names = "--image-root", paramLabel = "DIR", description = "Folder relative image paths resolve against (default: the manifest's).")
    Path imageRoot;
    @Option(names = "--train-num-samples", paramLabel = "N", description = "Samples per epoch (required for WebDataset).")
    Long trainNumSamples;

    @Option(names = "--model", defaultValue = "ViT-B-16", paramLabel = "NAME|CONFIG.json|MODEL",
            description = "Architecture: a model name, a config JSON, or a model (folder, hf-hub:ORG/NAME[@REVISION] or"
                    + " registry name) whose config is used (default: ${DEFAULT-VALUE}).")
    String model;
    @Option(names = "--pretrained", paramLabel = "MODEL",
            description = "Start from a model's config and weights (open_clip or Hugging Face CLIPModel; safetensors"
                    + " preferred over .bin): a folder, hf-hub:ORG/NAME[@REVISION] (downloaded into the Hugging Face"
                    + " cache) or a registry name. Checkpoints are written in open_clip's layout.")
    String pretrained;
    @Option(names = "--vocab", paramLabel = "PATH", description = "CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz);"
            + " default: -Ddermlip.bpe.vocab, $DERMLIP_BPE_VOCAB, else the bundled copy.")
    Path vocab;

    @Option(names = "--batch-size", defaultValue = "64", description = "Samples per (micro-)batch (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--epochs", defaultValue = "32", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--lr", defaultValue = "5e-4", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--wd", defaultValue = "0.2", description = "Decoupled weight decay (default: ${DEFAULT-VALUE}).")
    double wd;
    @Option(names = "--beta1", defaultValue = "0.9", description = "AdamW beta1 (default: ${DEFAULT-VALUE}).")
    double beta1;
    @Option(names = "--beta2", defaultValue = "0.98", description = "AdamW beta2 (default: ${DEFAULT-VALUE}).")
    double beta2;
    @Option(names = "--eps", defaultValue = "1e-6", description = "AdamW epsilon (default: ${DEFAULT-VALUE}).")
    double eps;
    @Option(names = "--warmup", defaultValue = "10000", description = "Linear warmup steps (default: ${DEFAULT-VALUE}).")
    long warmup;
    @Option(names = "--lr-scheduler", defaultValue = "cosine", description = "cosine, const or const-cooldown (default: ${DEFAULT-VALUE}).")
    String lrScheduler;
    @Option(names = "--epochs-cooldown", paramLabel = "N", description = "Cooldown epochs of const-cooldown, counted from the end.")
    Integer epochsCooldown;
    @Option(names = "--lr-cooldown-power", defaultValue = "1.0", description = "Power of the cooldown decay (default: ${DEFAULT-VALUE}).")
    double lrCooldownPower;
    @Option(names = "--lr-cooldown-end", defaultValue = "0.0", description = "Learning rate at the end of the cooldown (default: ${DEFAULT-VALUE}).")
    double lrCooldownEnd;
    @Option(names = "--grad-clip-norm", paramLabel = "NORM", description = "Clip the global gradient L2 norm to this value.")
    Double gradClipNorm;
    @Option(names = "--accum-freq", defaultValue = "1", description = "Micro-batches per optimizer step, contrasted together (default: ${DEFAULT-VALUE}).")
    int accumFreq;
    @Option(names = "--loss", defaultValue = "clip", description = "clip or siglip (default: ${DEFAULT-VALUE}).")
    String loss;
    @Option(names = "--aug-cfg", arity = "1..*", paramLabel = "KEY=VALUE",
            description = "Training augmentation: scale=(a,b) ratio=(a,b) color_jitter=(b,c,s,h) color_jitter_prob=p gray_scale_prob=p.")
    Map<String, String> augCfg = new LinkedHashMap<>();
    @Option(names = "--lock-image", description = "Freeze the image tower (LiT).")
    boolean lockImage;
    @Option(names = "--lock-text", description = "Freeze the text tower.")
    boolean lockText;
    @Option(names = "--lock-text-unlocked-layers", description = "With --lock-text, leave the last N layers of a"
            + " Hugging Face text tower trainable (default ${DEFAULT-VALUE}).")
    int lockTextUnlockedLayers;
    @Option(names = "--lock-text-freeze-layer-norm", description = "With --lock-text, freeze the LayerNorms of the"
            + " locked Hugging Face text layers too.")
    boolean lockTextFreezeLayerNorm;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the init, data order and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--workers", defaultValue = "4", description = "Data loading threads (default: ${DEFAULT-VALUE}).")
    int workers;
    @Option(names = "--logs", defaultValue = "logs", paramLabel = "DIR", description = "Where runs are written (default: ${DEFAULT-VALUE}).")
    Path logs;
    @Option(names = "--name", description = "Run name, the folder under --logs (default: date and settings).")
    String name;
    @Option(names = "--resume", paramLabel = "latest|PATH", description = "Continue from the run's latest checkpoint or a checkpoint directory.")
    String resume;
    @Option(names = "--save-every-n-steps", defaultValue = "0", description = "Also checkpoint every N steps (default: epochs only).")
    long saveEveryNSteps;
    @Option(names = "--log-every-n-steps", defaultValue = "100", description = "results.jsonl line every N steps (default: ${DEFAULT-VALUE}).")
    long logEveryNSteps;
    @Option(names = "--max-steps", paramLabel = "N", description = "Stop once N optimizer steps are done in total (bounded runs).")
    Long maxSteps;
    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;
    @Option(names = "--max-bad-fraction", defaultValue = "0.05", description = "Largest share of unusable samples tolerated (default: ${DEFAULT-VALUE}).")
    double maxBadFraction;
    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;
    @Option(names = "--confine-paths", description = "Refuse manifest image paths that leave the image root (../, absolute"
            + " paths). Off by default: as in open_clip, a manifest may name any file.")
    boolean confinePaths;

    @Option(names = "--zeroshot-classes", paramLabel = "FILE", description = "Class names, one a line or a JSON array: zero-shot accuracy every epoch.")
    Path zeroshotClasses;
    @Option(names = "--zeroshot-data", paramLabel = "CSV", description = "Zero-shot images: CSV with columns image_path,label.")
    Path zeroshotData;
    @Option(names = "--zeroshot-templates", paramLabel = "FILE", description = "Prompt templates with {}, one a line or a JSON array (default: DermLIP's eight skin templates).")
    Path zeroshotTemplates;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the tool: {@code train [options]}; exits with the command's code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The tool's command line: a top-level command with the {@code train} subcommand. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ToolCommand());
        cli.addSubcommand("train", new TrainCommand());
        return cli;
    }

    /**
     * The config these options describe. A hub reference or registry name in {@code --model} or
     * {@code --pretrained} is resolved here, once, to its folder in the Hugging Face cache (downloading it when
     * needed); the config records that folder.
     *
     * @throws UncheckedIOException when such a model cannot be found or downloaded
     */
    public TrainConfig toConfig() {
        return TrainConfig.builder().trainData(trainData).valData(valData).datasetType(DatasetType.parse(datasetType))
                .csvImgKey(csvImgKey).csvCaptionKey(csvCaptionKey).csvSeparator(separator(csvSeparator))
                .imageRoot(imageRoot).trainNumSamples(trainNumSamples).llavaCaption(LlavaCaption.parse(llavaCaption))
                .model(architecture(model)).pretrained(pretrainedFolder(pretrained)).vocab(vocab)
                .batchSize(batchSize).epochs(epochs).lr(lr).wd(wd).beta1(beta1).beta2(beta2).eps(eps).warmup(warmup)
                .lrScheduler(LrSchedulerKind.parse(lrScheduler)).epochsCooldown(epochsCooldown)
                .lrCooldownPower(lrCooldownPower).lrCooldownEnd(lrCooldownEnd).gradClipNorm(gradClipNorm)
                .accumFreq(accumFreq).loss(LossKind.parse(loss)).augCfg(augCfg).lockImage(lockImage).lockText(lockText)
                .lockTextUnlockedLayers(lockTextUnlockedLayers).lockTextFreezeLayerNorm(lockTextFreezeLayerNorm)
                .seed(seed).workers(workers).logs(logs).name(name).resume(resume).saveEveryNSteps(saveEveryNSteps)
                .logEveryNSteps(logEveryNSteps).maxSteps(maxSteps).device(DeviceChoice.parse(device))
                .maxBadFraction(maxBadFraction).quiet(quiet).zeroshotClasses(zeroshotClasses).zeroshotData(zeroshotData)
                .zeroshotTemplates(zeroshotTemplates).confinePaths(confinePaths).build();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        TrainConfig config;
        try {
            config = toConfig();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("train: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (System.getenv("OMP_NUM_THREADS") == null) {
            err.println("train: note: OMP_NUM_THREADS is not set, so CPU results may differ in the last bits from run"
                    + " to run (and a resumed run from an uninterrupted one); set it for bitwise-reproducible runs");
        }
        try {
            TrainingSummary summary = new Trainer(config).run();
            out.println("train: " + summary.steps() + " steps, " + summary.epochsCompleted() + " epochs, last loss "
                    + summary.lastLoss() + (summary.stoppedAtMaxSteps() ? " (stopped at --max-steps)" : ""));
            out.println("train: " + skippedLine(summary.skippedSamples()));
            out.println("train: output in " + summary.runDirectory()
                    + (summary.lastCheckpoint() == null ? "" : ", latest checkpoint " + summary.lastCheckpoint()));
            return 0;
        } catch (TrainingDivergedException e) {
            err.println("train: " + e.getMessage());
            err.println("train: the last good checkpoint is kept in " + config.runDirectory().resolve("checkpoints"));
            return EXIT_DIVERGED;
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException
                | TooManyBadSamplesException | NothingTrainedException | SampleProcessingException e) {
            err.println("train: " + e.getMessage());
            return EXIT_USAGE;
        }
    }

    /** "skipped 5 bad samples (MISSING_FILE 3, UNDECODABLE_IMAGE 2)", or "no bad samples skipped". */
    static String skippedLine(Map<BadSampleReason, Long> skipped) {
        long total = skipped.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "no bad samples skipped";
        }
        StringJoiner causes = new StringJoiner(", ", " (", ")");
        skipped.forEach((reason, count) -> causes.add(reason + " " + count));
        return "skipped " + total + " bad samples" + causes;
    }

    /** {@code --model} as the config reader takes it: hub models become their cached folder, the rest stays. */
    private static String architecture(String value) {
        ModelReference reference = ModelReference.parse(value);
        return reference.isHub() ? resolve(reference).toString() : value;
    }

    private static Path pretrainedFolder(String value) {
        return value == null ? null : resolve(ModelReference.parse(value));
    }

    private static Path resolve(ModelReference reference) {
        try {
            return reference.resolve().folder();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** A separator argument as a character: one character, or {@code \t} / {@code tab}. */
    static Character separator(String text) {
        if (text == null) {
            return null;
        }
        if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new IllegalArgumentException("--csv-separator must be one character (or \\t), found '" + text + "'");
        }
        return text.charAt(0);
    }
}
