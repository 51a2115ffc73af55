package io.github.dermlip.core.engine;

import ai.djl.engine.Engine;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Run in a JVM of its own by {@link TorchThreadsTest}: prepares the threads, starts the engine, and prints what
 * the native environment holds for {@code OMP_WAIT_POLICY} (as libgomp read it) and whether OpenMP is loaded.
 */
public final class TorchThreadsProbe {
    private TorchThreadsProbe() {}

    private interface CLibrary extends Library {
        String getenv(String name);
    }

    /** Prints {@code prepared=<bool> policy=<value|null> openmp=<bool>}. */
    public static void main(String[] args) {
        boolean prepared = TorchThreads.prepare();
        Engine.getEngine("PyTorch");
        String policy = Native.load(Platform.C_LIBRARY_NAME, CLibrary.class).getenv("OMP_WAIT_POLICY");
        System.out.println("prepared=" + prepared + " policy=" + policy + " openmp=" + TorchThreads.openMpLoaded()
                + " again=" + TorchThreads.prepare());
    }
}
