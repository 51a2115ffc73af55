package io.github.dermlip.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Whether the PyTorch peer runs at full speed on this machine, judged by its fp32 matmul peak against ours
 * measured in the same run. A peer below half of our peak (for example Debian's torch on the reference BLAS
 * instead of OpenBLAS) would make every ratio measure its BLAS rather than the implementations, so no ratio is
 * quoted then.
 *
 * @param implementation what the peer runs (reference_bench.py's own CLIP, or open_clip and its version)
 * @param torchVersion the peer's torch version
 * @param blas the peer's BLAS as its torch build reports it, and the BLAS library it loaded
 * @param peerPeakGflops the peer's matmul peak
 * @param ourPeakGflops ours, measured just before
 */
public record PeerCheck(String implementation, String torchVersion, String blas, double peerPeakGflops,
        double ourPeakGflops) {
    /** The least share of our matmul peak at which the peer's ratios are quoted. */
    public static final double MIN_SHARE = 0.5;

    /** Reads the peer's {@code --rows info} answer. */
    public static PeerCheck of(JsonNode info, double ourPeakGflops) {
        return new PeerCheck(info.path("implementation").asText("unknown"), info.path("torch_version").asText("unknown"),
                info.path("blas").asText("unknown"), info.path(Keys.MATMUL).asDouble(), ourPeakGflops);
    }

    /** Whether the peer reaches at least {@link #MIN_SHARE} of our matmul peak. */
    public boolean fullSpeed() {
        return peerPeakGflops >= MIN_SHARE * ourPeakGflops;
    }

    /** The line describing the peer and both peaks. */
    public String description() {
        return String.format(Locale.ROOT, "peer: %s on torch %s, %s; fp32 matmul peak %.1f GFLOP/s (ours %.1f, %.0f%%)",
                implementation, torchVersion, blas, peerPeakGflops, ourPeakGflops, 100 * peerPeakGflops / ourPeakGflops);
    }

    /** Why no ratio is quoted and how to fix it, for a peer that is not at full speed. */
    public String refusal() {
        return String.format(Locale.ROOT, "NO RATIOS: the peer's fp32 matmul peak (%.1f GFLOP/s) is under %.0f%% of ours"
                + " (%.1f GFLOP/s), so a ratio would measure its BLAS, not the implementations; the peer's rows were"
                + " not run. Give its torch a fast BLAS: on Debian `apt-get install libopenblas0-pthread` (torch then"
                + " loads the pthread OpenBLAS through libblas.so.3), or use a pip torch, which bundles MKL; with"
                + " machine load, rerun when it is quiet.", peerPeakGflops, 100 * MIN_SHARE, ourPeakGflops);
    }
}
