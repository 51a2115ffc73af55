package io.github.dermlip.core.io;

import io.github.dermlip.core.SmallHeapJvm;

/**
 * The child side of {@link PickleBombTest}: every checkpoint named on the command line must end in a
 * {@link CheckpointFormatException} within a second, in a small heap.
 */
public final class PickleBombs {
    private PickleBombs() {}

    public static void main(String[] args) {
        SmallHeapJvm.expectRefusals(args, TorchCheckpointReader::read, CheckpointFormatException.class, 1000);
    }
}
