package io.github.dermlip.core.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's gradient recording off for the current thread until closed, as {@code torch.no_grad()}.
 *
 * <p>PyTorch's grad mode is per thread, and DJL only switches it off on the thread that started the engine, so
 * evaluation and feature caching set it explicitly. Closing restores the previous mode. The library's one
 * per-thread autograd switch: training's evaluation, accumulation and optimizer run inside it, and inference
 * avoids graphs by freezing the loaded parameters instead (see {@code DermLip}).
 */
public final class NoGradScope implements AutoCloseable {
    private final boolean previous;

    private NoGradScope() {
        Engine.getEngine("PyTorch"); // loads the native library before its first use on any thread
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** Enters a scope without gradient recording. */
    public static NoGradScope enter() {
        return new NoGradScope();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
