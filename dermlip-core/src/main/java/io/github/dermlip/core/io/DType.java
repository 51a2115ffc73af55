package io.github.dermlip.core.io;

import java.util.Optional;

/**
 * Element type of a tensor as stored in a checkpoint file.
 *
 * <p>Floating types are held in memory as float32 ({@link TensorData#floats()}), integer and boolean
 * types as int64 ({@link TensorData#longs()}); the dtype records what the file held.
 */
public enum DType {
    /** IEEE 754 binary32. */
    F32(4, true, "FloatStorage"),
    /** IEEE 754 binary16. */
    F16(2, true, "HalfStorage"),
    /** bfloat16: the upper half of a binary32. */
    BF16(2, true, "BFloat16Storage"),
    /** IEEE 754 binary64. */
    F64(8, true, "DoubleStorage"),
    /** Signed 64-bit integer. */
    I64(8, false, "LongStorage"),
    /** Signed 32-bit integer. */
    I32(4, false, "IntStorage"),
    /** Signed 16-bit integer. */
    I16(2, false, "ShortStorage"),
    /** Signed 8-bit integer. */
    I8(1, false, "CharStorage"),
    /** Unsigned 8-bit integer. */
    U8(1, false, "ByteStorage"),
    /** Boolean, one byte per element (0 or 1). */
    BOOL(1, false, "BoolStorage");

    private final int byteSize;
    private final boolean floating;
    private final String torchStorage;

    DType(int byteSize, boolean floating, String torchStorage) {
        this.byteSize = byteSize;
        this.floating = floating;
        this.torchStorage = torchStorage;
    }

    /** Bytes per element in the file. */
    public int byteSize() {
        return byteSize;
    }

    /** True when the values are held as float32 in memory, false when they are held as int64. */
    public boolean isFloating() {
        return floating;
    }

    /** The safetensors dtype string, e.g. {@code "BF16"}. */
    public String safetensorsName() {
        return name();
    }

    /** The dtype whose safetensors name is {@code name}, if this library reads it. */
    public static Optional<DType> fromSafetensorsName(String name) {
        for (DType t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The dtype of the PyTorch storage class {@code torch.<name>}, if this library reads it. */
    public static Optional<DType> fromTorchStorageName(String name) {
        for (DType t : values()) {
            if (t.torchStorage.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
