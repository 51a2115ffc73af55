package io.github.dermlip.synth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Command line for generating a SkinSynth dataset:
 * {@code SkinSynthCommand --out DIR [--seed N] [--size PX] [--pretrain N] [--eval-train N] [--eval-val N]
 * [--eval-test N] [--retrieval N] [--threads N]}.
 */
public final class SkinSynthCommand {

    private static final String USAGE = String.join("\n",
            "Usage: skinsynth --out DIR [options]",
            "  --out DIR         output folder (must not exist or be empty)",
            "  --seed N          dataset seed (default " + SkinSynthOptions.DEFAULT_SEED + ")",
            "  --size PX         image side in pixels (default 64)",
            "  --pretrain N      pretraining image-caption pairs (default 3000)",
            "  --eval-train N    labelled probe-training images (default 600)",
            "  --eval-val N      labelled probe-validation images (default 200)",
            "  --eval-test N     labelled test images (default 600)",
            "  --retrieval N     held-out retrieval pairs (default 500)",
            "  --threads N       worker threads (default: all processors)",
            "  --help            print this help");

    private SkinSynthCommand() {
    }

    /** Parses the arguments, generates the dataset and prints a one-line summary; exits with 2 on bad usage. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the process exit status (0 ok, 1 I/O failure, 2 bad usage). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Invocation invocation;
        try {
            invocation = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("skinsynth: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (invocation == null) {
            out.println(USAGE);
            return 0;
        }
        long start = System.nanoTime();
        try {
            SkinSynthResult result = new SkinSynthWriter(invocation.options()).write(invocation.out());
            out.printf(Locale.ROOT, "SkinSynth %s: %d images, %d classes in %s (%.1f s)%n", SkinSynthWriter.VERSION,
                    result.imageCount(), result.classes().size(), result.root(), (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("skinsynth: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("skinsynth: " + e.getMessage());
            return 1;
        }
    }

    /** The parsed command line, or null when help was asked for. */
    static Invocation parse(String[] args) {
        SkinSynthOptions defaults = SkinSynthOptions.defaults();
        Path out = null;
        long seed = defaults.seed();
        int size = defaults.imageSize();
        int pretrain = defaults.pretrainPairs();
        int evalTrain = defaults.evalTrain();
        int evalVal = defaults.evalVal();
        int evalTest = defaults.evalTest();
        int retrieval = defaults.retrievalPairs();
        int threads = defaults.threads();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--out" -> out = Path.of(value);
                case "--seed" -> seed = parseLong(flag, value);
                case "--size" -> size = parseInt(flag, value);
                case "--pretrain" -> pretrain = parseInt(flag, value);
                case "--eval-train" -> evalTrain = parseInt(flag, value);
                case "--eval-val" -> evalVal = parseInt(flag, value);
                case "--eval-test" -> evalTest = parseInt(flag, value);
                case "--retrieval" -> retrieval = parseInt(flag, value);
                case "--threads" -> threads = parseInt(flag, value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        return new Invocation(out, new SkinSynthOptions(seed, size, pretrain, evalTrain, evalVal, evalTest, retrieval,
                threads));
    }

    private static int parseInt(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got '" + value + "'");
        }
    }

    private static long parseLong(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got '" + value + "'");
        }
    }

    /** A parsed command line. */
    record Invocation(Path out, SkinSynthOptions options) {
    }
}
