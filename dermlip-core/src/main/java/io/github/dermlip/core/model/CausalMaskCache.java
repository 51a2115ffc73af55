package io.github.dermlip.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Additive causal attention masks [L, L] (0 on and below the diagonal, -inf above), as open_clip's
 * {@code build_causal_mask}. Each is built once per (length, device) and kept in a manager owned by the text
 * tower, so no step rebuilds or leaks one.
 */
final class CausalMaskCache {
    private record Key(int length, Device device) {}

    private final Map<Key, NDArray> masks = new ConcurrentHashMap<>();
    private NDManager owner;

    /** Keeps future masks in a child of {@code manager} (the manager the model's parameters live in). */
    synchronized void ownedBy(NDManager manager) {
        if (owner == null || !owner.isOpen()) {
            masks.clear();
            owner = manager.newSubManager();
        }
    }

    /** The mask for {@code length} tokens on the device of {@code like}. */
    NDArray get(int length, NDArray like) {
        return masks.computeIfAbsent(new Key(length, like.getDevice()), key -> build(key, like.getManager()));
    }

    private synchronized NDArray build(Key key, NDManager scratch) {
        if (owner == null) {
            throw new IllegalStateException("the text tower is not initialized");
        }
        int n = key.length();
        float[] data = new float[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = row + 1; col < n; col++) {
                data[row * n + col] = Float.NEGATIVE_INFINITY;
            }
        }
        NDArray mask = scratch.create(data, new Shape(n, n)).toDevice(key.device(), false);
        mask.attach(owner);
        return mask;
    }
}
