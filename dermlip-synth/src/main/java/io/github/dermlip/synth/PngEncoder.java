package io.github.dermlip.synth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal, fast PNG encoder for 8-bit RGB images: one IHDR, one IDAT with the "Sub" filter on every row, one IEND,
 * and no timestamps or other metadata, so the bytes depend only on the pixels. On SkinSynth images it is faster
 * than ImageIO's general-purpose PNG writer (1.3 times at the default 64 px, twice at 224 px) and its files are
 * about a sixth smaller; benchmarks' {@code PngEncodingBench} measures both side by side.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int COLOUR_TYPE_RGB = 2;
    private static final int FILTER_SUB = 1;

    private PngEncoder() {
    }

    /** Encodes the image's RGB channels (alpha, if any, is dropped). */
    public static byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        int stride = 1 + 3 * width;
        byte[] raw = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            raw[row] = FILTER_SUB;
            int prevR = 0;
            int prevG = 0;
            int prevB = 0;
            for (int x = 0; x < width; x++) {
                int p = argb[y * width + x];
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                int at = row + 1 + 3 * x;
                raw[at] = (byte) (r - prevR);
                raw[at + 1] = (byte) (g - prevG);
                raw[at + 2] = (byte) (b - prevB);
                prevR = r;
                prevG = g;
                prevB = b;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 128);
        try {
            out.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream(13);
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(8);
            h.writeByte(COLOUR_TYPE_RGB);
            h.writeByte(0);
            h.writeByte(0);
            h.writeByte(0);
            writeChunk(out, "IHDR", header.toByteArray());
            writeChunk(out, "IDAT", deflate(raw));
            writeChunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory PNG encoding failed", e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void writeChunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        d.write(typeBytes);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
