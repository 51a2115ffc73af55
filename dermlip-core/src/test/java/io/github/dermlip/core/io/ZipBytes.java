package io.github.dermlip.core.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Assembles zip archives byte by byte, with full control over what the headers declare, so tests can build
 * honest torch checkpoints as well as lying ones (zip bombs, wrong sizes, wrong CRCs).
 */
final class ZipBytes {
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    private record Entry(String name, int method, byte[] payload, long declaredSize, long crc, long offset) {}

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Entry> entries = new ArrayList<>();

    /** An uncompressed entry with truthful headers. */
    ZipBytes stored(String name, byte[] data) {
        return add(name, STORED, data, data.length, crc(data));
    }

    /** A deflated entry with truthful headers. */
    ZipBytes deflated(String name, byte[] data) {
        return add(name, DEFLATED, deflate(data), data.length, crc(data));
    }

    /** An entry whose payload, declared uncompressed size and CRC are given as is (they may lie). */
    ZipBytes raw(String name, boolean deflated, byte[] payload, long declaredSize, long crc) {
        return add(name, deflated ? DEFLATED : STORED, payload, declaredSize, crc);
    }

    private ZipBytes add(String name, int method, byte[] payload, long declaredSize, long crc) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        entries.add(new Entry(name, method, payload, declaredSize, crc, out.size()));
        le(0x04034b50L, 4);
        le(20, 2);
        le(0x0800, 2);
        le(method, 2);
        le(0, 4);
        le(crc, 4);
        le(payload.length, 4);
        le(declaredSize, 4);
        le(n.length, 2);
        le(0, 2);
        out.writeBytes(n);
        out.writeBytes(payload);
        return this;
    }

    /** The archive: local entries, central directory and end record. */
    byte[] toByteArray() {
        long cdStart = out.size();
        for (Entry e : entries) {
            byte[] n = e.name().getBytes(StandardCharsets.UTF_8);
            le(0x02014b50L, 4);
            le(20, 2);
            le(20, 2);
            le(0x0800, 2);
            le(e.method(), 2);
            le(0, 4);
            le(e.crc(), 4);
            le(e.payload().length, 4);
            le(e.declaredSize(), 4);
            le(n.length, 2);
            le(0, 2);
            le(0, 2);
            le(0, 2);
            le(0, 2);
            le(0, 4);
            le(e.offset(), 4);
            out.writeBytes(n);
        }
        long cdSize = out.size() - cdStart;
        le(0x06054b50L, 4);
        le(0, 2);
        le(0, 2);
        le(entries.size(), 2);
        le(entries.size(), 2);
        le(cdSize, 4);
        le(cdStart, 4);
        le(0, 2);
        return out.toByteArray();
    }

    static long crc(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return c.getValue();
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!d.finished()) {
            buf.write(chunk, 0, d.deflate(chunk));
        }
        d.end();
        return buf.toByteArray();
    }

    /**
     * A raw deflate stream that inflates to {@code mebibytes} MiB of zeros, built in milliseconds: one
     * fully-flushed (history-free) block of 1 MiB of zeros repeated, then an empty final block.
     */
    static byte[] deflatedZeros(int mebibytes) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(new byte[1 << 20]);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        int n;
        do {
            n = d.deflate(chunk, 0, chunk.length, Deflater.FULL_FLUSH);
            block.write(chunk, 0, n);
        } while (n == chunk.length || !d.needsInput());
        d.end();
        byte[] one = block.toByteArray();
        ByteArrayOutputStream all = new ByteArrayOutputStream(one.length * mebibytes + 2);
        for (int i = 0; i < mebibytes; i++) {
            all.writeBytes(one);
        }
        all.write(0x03);
        all.write(0x00);
        return all.toByteArray();
    }

    private void le(long v, int n) {
        for (int i = 0; i < n; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }
}
