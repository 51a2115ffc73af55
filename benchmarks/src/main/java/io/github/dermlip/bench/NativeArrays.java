package io.github.dermlip.bench;

import ai.djl.ndarray.NDManager;

/**
 * Counts the NDArrays alive in the process: DJL's managers form a tree under the engine's system manager, and
 * {@link NDManager#getManagedArrays()} lists the arrays of a manager and of all its descendants, so the count at
 * the root covers every array not yet closed.
 */
public final class NativeArrays {
    private NativeArrays() {}

    /** Arrays alive under the root of the manager tree that {@code any} belongs to. */
    public static int live(NDManager any) {
        NDManager root = any;
        while (root.getParentManager() != null && root.getParentManager() != root) {
            root = root.getParentManager();
        }
        return root.getManagedArrays().size();
    }

    /** Arrays alive under {@code manager} and its descendants. */
    public static int under(NDManager manager) {
        return manager.getManagedArrays().size();
    }
}
