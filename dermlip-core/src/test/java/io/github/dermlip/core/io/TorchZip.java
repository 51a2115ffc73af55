package io.github.dermlip.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds {@code torch.save}-layout zip checkpoints ({@code archive/data.pkl}, {@code archive/data/<key>}) for tests. */
final class TorchZip {
    private TorchZip() {}

    /** A checkpoint with the given pickle and storages, all entries stored, as torch.save writes them. */
    static byte[] checkpoint(byte[] pickle, Map<String, byte[]> storages) {
        ZipBytes zip = new ZipBytes().stored("archive/data.pkl", pickle);
        storages.forEach((key, bytes) -> zip.stored("archive/data/" + key, bytes));
        zip.stored("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        return zip.toByteArray();
    }

    /** Little-endian float32 bytes. */
    static byte[] f32(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** Little-endian int64 bytes. */
    static byte[] i64(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** A one-tensor state dict pickle: {name: FloatStorage view of storage '0'}. */
    static byte[] singleTensorPickle(String name, long numel, long offset, long[] size, long[] stride) {
        return new PickleWriter().proto(2).emptyDict().binPut(0)
                .str(name).tensor("FloatStorage", "0", numel, offset, size, stride).setItem()
                .stop().toByteArray();
    }
}
