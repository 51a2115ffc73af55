package io.github.dermlip.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.core.engine.TorchThreads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training row on a shared machine: bench-small training samples/s with the machine otherwise idle and with
 * one core kept busy by another process ({@link BusyCore}), for ours with the wait policy the library sets
 * ({@link TorchThreads}), for ours with libgomp's default spinning, and for the peer. Short runs (a few steps
 * each) in forked processes, so that every run starts its OpenMP runtime with its own settings.
 *
 * @param oursQuiet ours, library settings, idle machine
 * @param oursBusy ours, library settings, one core busy
 * @param spinningQuiet ours with libgomp's default spin-waiting, idle machine
 * @param spinningBusy ours with libgomp's default spin-waiting, one core busy
 * @param peerQuiet the peer, idle machine, or null without a peer
 * @param peerBusy the peer, one core busy, or null without a peer
 */
public record ContentionBench(double oursQuiet, double oursBusy, double spinningQuiet, double spinningBusy,
        Double peerQuiet, Double peerBusy) {
    /** Timed steps per run; the warm-up is {@link #WARMUP}. */
    static final int STEPS = 5;
    static final int WARMUP = 2;
    /** libgomp's own spin count when neither OMP_WAIT_POLICY nor GOMP_SPINCOUNT is set. */
    static final Map<String, String> LIBGOMP_DEFAULT = Map.of("GOMP_SPINCOUNT", "300000");

    /** Runs the six measurements; the peer's two are skipped when {@code peer} is null. */
    static ContentionBench run(BenchSettings settings, PythonReference peer) throws IOException, InterruptedException {
        double oursQuiet = ours(settings, Map.of(), false);
        double spinningQuiet = ours(settings, LIBGOMP_DEFAULT, false);
        double oursBusy = ours(settings, Map.of(), true);
        double spinningBusy = ours(settings, LIBGOMP_DEFAULT, true);
        Double peerQuiet = peer == null ? null : peer(settings, peer, false);
        Double peerBusy = peer == null ? null : peer(settings, peer, true);
        return new ContentionBench(oursQuiet, oursBusy, spinningQuiet, spinningBusy, peerQuiet, peerBusy);
    }

    /** Quiet over busy throughput with the library's settings. */
    public double oursSlowdown() {
        return oursQuiet / oursBusy;
    }

    /** Quiet over busy throughput of the peer, or null. */
    public Double peerSlowdown() {
        return peerQuiet == null || peerBusy == null ? null : peerQuiet / peerBusy;
    }

    /** The figures behind the slowdowns, for the notes. */
    public String note() {
        return String.format(Locale.ROOT, "contention (bench-small training, samples/s, idle -> one core busy): ours"
                + " with the library's OMP_WAIT_POLICY=%s %.1f -> %.1f (%.2fx slower); ours with libgomp's default"
                + " spinning (GOMP_SPINCOUNT=300000) %.1f -> %.1f (%.2fx)%s", TorchThreads.WAIT_POLICY, oursQuiet,
                oursBusy, oursSlowdown(), spinningQuiet, spinningBusy, spinningQuiet / spinningBusy,
                peerQuiet == null ? "" : String.format(Locale.ROOT, "; peer %.1f -> %.1f (%.2fx)", peerQuiet, peerBusy,
                        peerSlowdown()));
    }

    private static double ours(BenchSettings settings, Map<String, String> environment, boolean busy)
            throws IOException, InterruptedException {
        BenchSuite.progress("contention: ours" + (environment.isEmpty() ? "" : " " + environment)
                + (busy ? ", one core busy" : ", idle"));
        ForkedJvm fork = new ForkedJvm(settings.trainJvmOptions(), settings.threads(), environment);
        List<String> args = List.of(settings.smallConfig().toAbsolutePath().toString(),
                Integer.toString(settings.trainBatch()), Integer.toString(WARMUP), Integer.toString(STEPS));
        try (BusyCore hog = busy ? new BusyCore() : null) {
            return TrainingBench.resultOf(fork.output(TrainingBench.class, args)).samplesPerSecond();
        }
    }

    private static double peer(BenchSettings settings, PythonReference peer, boolean busy)
            throws IOException, InterruptedException {
        BenchSuite.progress("contention: peer" + (busy ? ", one core busy" : ", idle"));
        List<String> args = new ArrayList<>(settings.referenceArguments());
        args.addAll(List.of("--rows", "train", "--steps", Integer.toString(STEPS), "--warmup", Integer.toString(WARMUP)));
        try (BusyCore hog = busy ? new BusyCore() : null) {
            JsonNode result = peer.run(args);
            return result.get(Keys.TRAIN_SAMPLES).asDouble();
        }
    }
}
