package io.github.dermlip.core.io;

/**
 * A storage named by a {@code torch.save} persistent id {@code ('storage', torch.XStorage, key, location, numel)}:
 * its raw bytes are the zip entry {@code <archive>/data/<key>}.
 */
record TorchStorageRef(String key, DType dtype, long numel) {
    /** Bytes of the storage in the zip entry. */
    long byteSize() {
        return numel * dtype.byteSize();
    }
}
