package io.github.dermlip.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Assembles safetensors files from a header string and raw data bytes, for tests. */
final class SafetensorsBytes {
    private SafetensorsBytes() {}

    /** {@code u64 little-endian header length, header, data}, no padding. */
    static byte[] of(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).put(data).array();
    }
}
