package io.github.dermlip.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * Images in the three Pillow modes that open_clip's transforms treat differently, each backed by one plain
 * array: RGB ({@code TYPE_INT_RGB}), RGBA ({@code TYPE_INT_ARGB}, not premultiplied) and palette
 * ({@code TYPE_BYTE_INDEXED} with 256 entries).
 *
 * <p>The mode matters because open_clip converts to RGB only after resizing and cropping: Pillow resizes
 * RGBA premultiplied by alpha and palette images with nearest neighbour. Pixel values are always read from
 * the raster's samples, never through Java's colour management, so a grey level {@code g} stays {@code g}.
 */
final class PilImages {
    private static final int PALETTE_SIZE = 256;

    private PilImages() {}

    /** The Pillow mode of a canonical image. */
    enum Mode {
        /** Three 8-bit channels. */
        RGB,
        /** Three 8-bit channels and straight (not premultiplied) alpha. */
        RGBA,
        /** 8-bit indices into a 256-colour palette. */
        PALETTE
    }

    static Mode mode(BufferedImage canonical) {
        return switch (canonical.getType()) {
            case BufferedImage.TYPE_INT_RGB -> Mode.RGB;
            case BufferedImage.TYPE_INT_ARGB -> Mode.RGBA;
            case BufferedImage.TYPE_BYTE_INDEXED -> Mode.PALETTE;
            default -> throw new IllegalArgumentException("not a canonical image: type " + canonical.getType());
        };
    }

    /**
     * The image itself when it already is a plain RGB, RGBA or palette image, else a converted copy: colour
     * maps become palettes, grey becomes RGB, alpha is kept, samples wider than 8 bits keep their high byte
     * (a single grey channel is clipped to 255 instead, as Pillow's mode {@code I;16} converts to RGB).
     */
    static BufferedImage canonical(BufferedImage image) {
        return isPlain(image) ? image : fromRaster(image);
    }

    private static boolean isPlain(BufferedImage image) {
        int type = image.getType();
        if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB
                && type != BufferedImage.TYPE_BYTE_INDEXED) {
            return false;
        }
        if (type == BufferedImage.TYPE_BYTE_INDEXED
                && ((IndexColorModel) image.getColorModel()).getMapSize() != PALETTE_SIZE) {
            return false;
        }
        WritableRaster raster = image.getRaster();
        DataBuffer buffer = raster.getDataBuffer();
        boolean strideOk = !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel packed)
                || packed.getScanlineStride() == image.getWidth();
        return raster.getParent() == null && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0 && buffer.getNumBanks() == 1 && buffer.getOffset() == 0
                && buffer.getSize() == image.getWidth() * image.getHeight() && strideOk;
    }

    private static BufferedImage fromRaster(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int transfer = raster.getTransferType();
        if (transfer == DataBuffer.TYPE_FLOAT || transfer == DataBuffer.TYPE_DOUBLE) {
            throw new IllegalArgumentException("floating-point images are not supported");
        }
        if (cm instanceof IndexColorModel icm && raster.getNumBands() == 1) {
            int[] argb = new int[icm.getMapSize()];
            icm.getRGBs(argb);
            return icm.getMapSize() <= PALETTE_SIZE ? palette(raster, argb) : toRgb(paletteLookup(raster, argb));
        }
        if (cm.isAlphaPremultiplied()) {
            WritableRaster straight = raster.createCompatibleWritableRaster();
            straight.setRect(raster);
            cm.coerceData(straight, false);
            raster = straight;
        }
        int bands = raster.getNumBands();
        int colorBands = bands - (cm.hasAlpha() ? 1 : 0);
        int space = cm.getColorSpace().getType();
        if (colorBands == 1) {
            return cm.hasAlpha() ? rgba(raster, true) : gray(raster, true);
        }
        if (colorBands == 3 && space == ColorSpace.TYPE_RGB) {
            return cm.hasAlpha() ? rgba(raster, false) : rgb(raster);
        }
        if (colorBands == 4 && space == ColorSpace.TYPE_CMYK) {
            return cmyk(raster);
        }
        throw new IllegalArgumentException("unsupported image: " + bands + " bands in colour space type " + space);
    }

    /** An 8-bit value from a sample of the given bit depth: small depths are stretched, wide ones keep their high byte. */
    static int to8Bit(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        if (bits > 8) {
            return sample >>> (bits - 8);
        }
        return sample * 255 / ((1 << bits) - 1);
    }

    /**
     * RGB from band 0 of a grey raster. Samples wider than 8 bits are clipped to 255 when {@code clipWide}
     * (Pillow's 16-bit grey, mode {@code I;16}/{@code I}), else reduced to their high byte.
     */
    static BufferedImage gray(Raster raster, boolean clipWide) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bits = raster.getSampleModel().getSampleSize(0);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ints(out);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int g = bits > 8 && clipWide ? Math.min(row[x], 255) : to8Bit(row[x], bits);
                dst[y * w + x] = g << 16 | g << 8 | g;
            }
        }
        return out;
    }

    /** RGB from bands 0, 1 and 2; further bands (such as an alpha Pillow would not see) are ignored. */
    static BufferedImage rgb(Raster raster) {
        return packed(raster, false, false);
    }

    /** RGBA from bands 0..2 and 3, or, when {@code grayColor}, grey band 0 and alpha band 1. */
    static BufferedImage rgba(Raster raster, boolean grayColor) {
        return packed(raster, true, grayColor);
    }

    private static BufferedImage packed(Raster raster, boolean alpha, boolean grayColor) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int[] bits = raster.getSampleModel().getSampleSize();
        int alphaBand = grayColor ? 1 : 3;
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] dst = ints(out);
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int x = 0, i = 0; x < w; x++, i += bands) {
                int r = to8Bit(row[i], bits[0]);
                int g = grayColor ? r : to8Bit(row[i + 1], bits[1]);
                int b = grayColor ? r : to8Bit(row[i + 2], bits[2]);
                int a = alpha ? to8Bit(row[i + alphaBand], bits[alphaBand]) : 0;
                dst[y * w + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    /** A palette image from the indices in band 0 and a palette of packed RGB colours (alpha ignored). */
    static BufferedImage palette(Raster raster, int[] colors) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        BufferedImage out = newPalette(w, h, colors);
        byte[] dst = bytes(out);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                dst[y * w + x] = (byte) row[x];
            }
        }
        return out;
    }

    /** An empty palette image; the palette is padded with black to 256 entries. */
    static BufferedImage newPalette(int width, int height, int[] colors) {
        byte[] r = new byte[PALETTE_SIZE];
        byte[] g = new byte[PALETTE_SIZE];
        byte[] b = new byte[PALETTE_SIZE];
        for (int i = 0; i < Math.min(colors.length, PALETTE_SIZE); i++) {
            r[i] = (byte) (colors[i] >> 16);
            g[i] = (byte) (colors[i] >> 8);
            b[i] = (byte) colors[i];
        }
        return new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, PALETTE_SIZE, r, g, b));
    }

    private static BufferedImage paletteLookup(Raster raster, int[] colors) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ints(out);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                dst[y * w + x] = row[x] < colors.length ? colors[row[x]] & 0xFFFFFF : 0;
            }
        }
        return out;
    }

    /** RGB from four CMYK bands with Pillow's conversion ({@code cmyk2rgb}), where 255 means full ink. */
    static BufferedImage cmyk(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] bits = raster.getSampleModel().getSampleSize();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ints(out);
        int[] row = new int[w * 4];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int x = 0, i = 0; x < w; x++, i += 4) {
                dst[y * w + x] = cmykToRgb(to8Bit(row[i], bits[0]), to8Bit(row[i + 1], bits[1]),
                        to8Bit(row[i + 2], bits[2]), to8Bit(row[i + 3], bits[3]));
            }
        }
        return out;
    }

    /** Pillow's {@code cmyk2rgb} for one pixel, as packed RGB. */
    static int cmykToRgb(int c, int m, int y, int k) {
        int nk = 255 - k;
        return clip8(nk - mulDiv255(c, nk)) << 16 | clip8(nk - mulDiv255(m, nk)) << 8 | clip8(nk - mulDiv255(y, nk));
    }

    /** Pillow's {@code MULDIV255}: {@code round(a * b / 255)} for 8-bit values, in integer arithmetic. */
    static int mulDiv255(int a, int b) {
        int t = a * b + 128;
        return ((t >> 8) + t) >> 8;
    }

    static int clip8(int v) {
        return v <= 0 ? 0 : Math.min(v, 255);
    }

    /** Pillow's {@code convert('RGB')} of a canonical image: alpha dropped, palette looked up. */
    static BufferedImage toRgb(BufferedImage canonical) {
        Mode mode = mode(canonical);
        if (mode == Mode.RGB) {
            return canonical;
        }
        int w = canonical.getWidth();
        int h = canonical.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ints(out);
        if (mode == Mode.RGBA) {
            int[] src = ints(canonical);
            for (int i = 0; i < dst.length; i++) {
                dst[i] = src[i] & 0xFFFFFF;
            }
        } else {
            int[] colors = paletteColors(canonical);
            byte[] src = bytes(canonical);
            for (int i = 0; i < dst.length; i++) {
                dst[i] = colors[src[i] & 0xFF];
            }
        }
        return out;
    }

    /** The 256 packed RGB colours of a palette image. */
    static int[] paletteColors(BufferedImage palette) {
        int[] colors = new int[PALETTE_SIZE];
        ((IndexColorModel) palette.getColorModel()).getRGBs(colors);
        for (int i = 0; i < colors.length; i++) {
            colors[i] &= 0xFFFFFF;
        }
        return colors;
    }

    /** A new image of the same mode (and palette) as {@code like}. */
    static BufferedImage newLike(BufferedImage like, int width, int height) {
        return mode(like) == Mode.PALETTE
                ? new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, (IndexColorModel) like.getColorModel())
                : new BufferedImage(width, height, like.getType());
    }

    /** A copy of the rectangle at ({@code left}, {@code top}), which must lie inside the image (Pillow's {@code crop}). */
    static BufferedImage crop(BufferedImage canonical, int left, int top, int width, int height) {
        int w = canonical.getWidth();
        if (left < 0 || top < 0 || width <= 0 || height <= 0 || left + width > w || top + height > canonical.getHeight()) {
            throw new IllegalArgumentException("crop " + width + "x" + height + " at (" + left + ", " + top
                    + ") does not fit in " + w + "x" + canonical.getHeight());
        }
        BufferedImage out = newLike(canonical, width, height);
        Object src = canonical.getRaster().getDataBuffer() instanceof DataBufferInt ? ints(canonical) : bytes(canonical);
        Object dst = mode(out) == Mode.PALETTE ? bytes(out) : ints(out);
        for (int y = 0; y < height; y++) {
            System.arraycopy(src, (top + y) * w + left, dst, y * width, width);
        }
        return out;
    }

    /**
     * Pads with a border of grey level {@code fill} like torchvision's {@code pad} on a PIL image: every RGB(A)
     * channel gets {@code fill}, a palette image gets palette index {@code fill}.
     */
    static BufferedImage pad(BufferedImage canonical, int left, int top, int right, int bottom, int fill) {
        int w = canonical.getWidth();
        int h = canonical.getHeight();
        int outW = w + left + right;
        BufferedImage out = newLike(canonical, outW, h + top + bottom);
        if (mode(out) == Mode.PALETTE) {
            byte[] dst = bytes(out);
            Arrays.fill(dst, (byte) fill);
            byte[] src = bytes(canonical);
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, y * w, dst, (y + top) * outW + left, w);
            }
        } else {
            int[] dst = ints(out);
            int alpha = mode(out) == Mode.RGBA ? fill << 24 : 0;
            Arrays.fill(dst, alpha | fill << 16 | fill << 8 | fill);
            int[] src = ints(canonical);
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, y * w, dst, (y + top) * outW + left, w);
            }
        }
        return out;
    }

    /** The backing array of a plain {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image. */
    static int[] ints(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** The backing array of a plain {@code TYPE_BYTE_INDEXED} image. */
    static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
