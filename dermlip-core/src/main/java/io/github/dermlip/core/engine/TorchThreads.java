package io.github.dermlip.core.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libtorch threading settings that must be in place before DJL loads the native library.
 *
 * <p>libtorch's intra-op threads are an OpenMP team (GNU libgomp in DJL's Linux build; MKL runs its matrix
 * products on the same team). By default a libgomp thread that has finished its share of a parallel region
 * spins for up to about 300,000 iterations before it sleeps. On a machine where another process keeps a core
 * busy, the thread sharing that core falls behind; its partner keeps spinning on the other core, so the
 * scheduler never sees a free core to move the laggard to, and every one of the thousands of short parallel
 * regions in a training step waits for a time slice. {@link #prepare} therefore sets
 * {@code OMP_WAIT_POLICY=PASSIVE} (a finished thread sleeps at once) in the process environment, where libgomp
 * reads it once, when it is loaded. A value the user set for {@code OMP_WAIT_POLICY} or
 * {@code GOMP_SPINCOUNT} is left alone.
 */
public final class TorchThreads {
    /** The wait policy set when the user set none. */
    public static final String WAIT_POLICY = "PASSIVE";

    private static boolean prepared;

    private TorchThreads() {}

    /** The C library's {@code setenv}, which libgomp's start-up code reads through {@code getenv}. */
    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /**
     * Sets the OpenMP wait policy for libtorch, once per process, unless the native library is already loaded
     * (then it is too late, and nothing is changed) or the user chose one. Call it before the first DJL
     * {@code NDManager} or {@code Engine} call; the library's own entry points ({@code DermLip.load}, the
     * trainer, the command lines) do.
     *
     * @return whether the policy was set by this call
     */
    public static synchronized boolean prepare() {
        if (prepared) {
            return false;
        }
        prepared = true;
        if (!(Platform.isLinux() || Platform.isMac()) || System.getenv("OMP_WAIT_POLICY") != null
                || System.getenv("GOMP_SPINCOUNT") != null || openMpLoaded()) {
            return false;
        }
        return Native.load(Platform.C_LIBRARY_NAME, CLibrary.class).setenv("OMP_WAIT_POLICY", WAIT_POLICY, 0) == 0;
    }

    /** Whether an OpenMP runtime is mapped into this process already (Linux; elsewhere assumed not). */
    static boolean openMpLoaded() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return false;
        }
        try {
            String mapped = Files.readString(maps);
            return mapped.contains("libgomp") || mapped.contains("libiomp") || mapped.contains("libomp");
        } catch (IOException e) {
            return false;
        }
    }
}
