package io.github.dermlip.core.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Whether libtorch is recording operations for a backward pass on the calling thread.
 *
 * <p>DJL's PyTorch engine starts with recording off and a {@code GradientCollector} turns it on. While it is off,
 * nothing keeps a reference to a block's temporaries for a backward pass, so the forward pass may overwrite them
 * in place instead of allocating a new array for every elementwise step.
 */
final class GradMode {
    private GradMode() {}

    /** True while autograd records; false where in-place updates of temporaries are safe. */
    static boolean recording() {
        return JniUtils.isGradMode();
    }
}
