package io.github.dermlip.train.cli;

import io.github.dermlip.train.DatasetType;
import io.github.dermlip.train.DeviceChoice;
import io.github.dermlip.train.TrainConfig;
import io.github.dermlip.train.Trainer;
import io.github.dermlip.train.TrainingDivergedException;
import io.github.dermlip.train.TrainingSummary;
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
            description = "Training manifest (CSV/TSV/JSONL) or WebDataset shard pattern(s), '::'-separated.")
    String trainData;
    @Option(names = "--val-data", paramLabel = "PATH", description = "Validation manifest: loss and retrieval R@1/5/10 every epoch.")
    String valData;
    @Option(names = "--dataset-type", defaultValue = "auto", description = "csv, jsonl, webdataset or auto (default: ${DEFAULT-VALUE}).")
    String datasetType;
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

    @Option(names = "--model", defaultValue = "ViT-B-16", paramLabel = "NAME|CONFIG.json|HUBDIR",
            description = "Architecture: a model name, a config JSON or a hub directory (default: ${DEFAULT-VALUE}).")
    String model;
    @Option(names = "--pretrained", paramLabel = "DIR",
            description = "Start from an open_clip hub directory (its config and weights; safetensors preferred over .bin).")
    Path pretrained;
    @Option(names = "--vocab", paramLabel = "PATH", description = "CLIP BPE vocabulary (bpe_simple_vocab_16e6.txt.gz); default location otherwise.")
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

    /** The config these options describe. */
    public TrainConfig toConfig() {
        return TrainConfig.builder().trainData(trainData).valData(valData).datasetType(DatasetType.parse(datasetType))
                .csvImgKey(csvImgKey).csvCaptionKey(csvCaptionKey).csvSeparator(separator(csvSeparator))
                .imageRoot(imageRoot).trainNumSamples(trainNumSamples).model(model).pretrained(pretrained).vocab(vocab)
                .batchSize(batchSize).epochs(epochs).lr(lr).wd(wd).beta1(beta1).beta2(beta2).eps(eps).warmup(warmup)
                .lrScheduler(LrSchedulerKind.parse(lrScheduler)).epochsCooldown(epochsCooldown)
                .lrCooldownPower(lrCooldownPower).lrCooldownEnd(lrCooldownEnd).gradClipNorm(gradClipNorm)
                .accumFreq(accumFreq).loss(LossKind.parse(loss)).augCfg(augCfg).lockImage(lockImage).lockText(lockText)
                .seed(seed).workers(workers).logs(logs).name(name).resume(resume).saveEveryNSteps(saveEveryNSteps)
                .logEveryNSteps(logEveryNSteps).maxSteps(maxSteps).device(DeviceChoice.parse(device))
                .maxBadFraction(maxBadFraction).quiet(quiet).zeroshotClasses(zeroshotClasses).zeroshotData(zeroshotData)
                .zeroshotTemplates(zeroshotTemplates).build();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        TrainConfig config;
        try {
            config = toConfig();
        } catch (IllegalArgumentException e) {
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
            out.println("train: output in " + summary.runDirectory()
                    + (summary.lastCheckpoint() == null ? "" : ", latest checkpoint " + summary.lastCheckpoint()));
            return 0;
        } catch (TrainingDivergedException e) {
            err.println("train: " + e.getMessage());
            err.println("train: the last good checkpoint is kept in " + config.runDirectory().resolve("checkpoints"));
            return EXIT_DIVERGED;
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException
                | TooManyBadSamplesException | SampleProcessingException e) {
            err.println("train: " + e.getMessage());
            return EXIT_USAGE;
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
