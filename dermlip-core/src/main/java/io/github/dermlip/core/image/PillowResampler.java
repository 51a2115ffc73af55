package io.github.dermlip.core.image;

import io.github.dermlip.core.config.PreprocessConfig.Interpolation;
import java.awt.image.BufferedImage;

/**
 * Pillow's {@code Image.resize} for BICUBIC and BILINEAR, reproducing its integer arithmetic so results
 * match Pillow's pixel for pixel.
 *
 * <p>The algorithm (Pillow's {@code ImagingResample}): a separable filter whose support is widened by
 * the scale factor when downscaling (antialiasing), coefficients normalized to sum 1 and stored as
 * fixed-point integers with 22 fractional bits, a horizontal pass over only the source rows the vertical
 * pass needs, its result rounded and clipped to 8 bits, then a vertical pass. The optional box selects a
 * source rectangle in single-precision pixel coordinates; the filter may still read pixels just outside
 * it, so resizing with a box differs from cropping first except where the filter taps stay inside.
 *
 * <p>Pillow's mode rules are applied too: an RGBA image ({@code TYPE_INT_ARGB}) is resized premultiplied by
 * alpha and un-premultiplied after, a palette image ({@code TYPE_BYTE_INDEXED}) is resized with nearest
 * neighbour whatever the filter, and an unchanged size without a box gives a copy. Other image types are
 * first converted as {@link ImageDecoder#toRgb} would, keeping alpha and palettes. Stateless and thread-safe.
 */
public final class PillowResampler {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private PillowResampler() {}

    /**
     * A source rectangle, Pillow's {@code box}: left, top, right and bottom edges in pixels, single precision
     * as Pillow passes them to C.
     *
     * @param left left edge
     * @param top top edge
     * @param right right edge, greater than or equal to {@code left}
     * @param bottom bottom edge, greater than or equal to {@code top}
     */
    public record Box(float left, float top, float right, float bottom) {
        /** Checks the rectangle is well-formed. */
        public Box {
            if (!(left >= 0 && top >= 0 && right >= left && bottom >= top)) {
                throw new IllegalArgumentException("box must have 0 <= left <= right and 0 <= top <= bottom, found ("
                        + left + ", " + top + ", " + right + ", " + bottom + ")");
            }
        }

        /** The whole of an image. */
        public static Box of(BufferedImage image) {
            return new Box(0, 0, image.getWidth(), image.getHeight());
        }
    }

    /** Resizes the whole image to {@code width} x {@code height}. */
    public static BufferedImage resize(BufferedImage image, int width, int height, Interpolation filter) {
        return resize(image, width, height, filter, Box.of(image));
    }

    /** Resizes the {@code box} region of the image to {@code width} x {@code height}. */
    public static BufferedImage resize(BufferedImage image, int width, int height, Interpolation filter, Box box) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("output size must be positive, found " + width + "x" + height);
        }
        if (box.right() > image.getWidth() || box.bottom() > image.getHeight()) {
            throw new IllegalArgumentException("box " + box + " exceeds the " + image.getWidth() + "x"
                    + image.getHeight() + " image");
        }
        BufferedImage src = PilImages.canonical(image);
        int srcW = src.getWidth();
        int srcH = src.getHeight();
        if (isIntegerCrop(box, width, height)) {
            // Covers Pillow's "same size, whole image: copy" too; for RGBA, Pillow's crop still goes through
            // premultiplication unless the request is that identity.
            BufferedImage crop = PilImages.crop(src, (int) box.left(), (int) box.top(), width, height);
            boolean identity = width == srcW && height == srcH;
            return PilImages.mode(src) == PilImages.Mode.RGBA && !identity ? unpremultiply(premultiply(crop)) : crop;
        }
        return switch (PilImages.mode(src)) {
            case PALETTE -> nearest(src, width, height, box);
            case RGB -> {
                BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                resample(Region.whole(PilImages.ints(src), srcW, srcH), PilImages.ints(out), width, height, filter, box, false);
                yield out;
            }
            case RGBA -> {
                BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
                resample(Region.whole(PilImages.ints(premultiply(src)), srcW, srcH), PilImages.ints(out), width, height,
                        filter, box, true);
                yield unpremultiply(out);
            }
        };
    }

    private static boolean isIntegerCrop(Box box, int width, int height) {
        return box.left() - (int) box.left() == 0 && box.right() - box.left() == width
                && box.top() - (int) box.top() == 0 && box.bottom() - box.top() == height;
    }

    /** Pillow's RGBA to RGBa conversion: each colour channel times alpha / 255, rounded. */
    private static BufferedImage premultiply(BufferedImage rgba) {
        BufferedImage out = new BufferedImage(rgba.getWidth(), rgba.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int[] src = PilImages.ints(rgba);
        int[] dst = PilImages.ints(out);
        for (int i = 0; i < src.length; i++) {
            int p = src[i];
            int a = p >>> 24;
            dst[i] = a << 24 | PilImages.mulDiv255(p >> 16 & 0xFF, a) << 16
                    | PilImages.mulDiv255(p >> 8 & 0xFF, a) << 8 | PilImages.mulDiv255(p & 0xFF, a);
        }
        return out;
    }

    /** Pillow's RGBa to RGBA conversion, in place: colour * 255 / alpha, truncated and clipped. */
    private static BufferedImage unpremultiply(BufferedImage rgba) {
        int[] px = PilImages.ints(rgba);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int a = p >>> 24;
            if (a != 0 && a != 255) {
                px[i] = a << 24 | Math.min(255 * (p >> 16 & 0xFF) / a, 255) << 16
                        | Math.min(255 * (p >> 8 & 0xFF) / a, 255) << 8 | Math.min(255 * (p & 0xFF) / a, 255);
            }
        }
        return rgba;
    }

    /**
     * Pillow's nearest-neighbour scaling ({@code ImagingScaleAffine}), used for palette images: sample
     * positions advance by repeated addition from the first pixel centre and are truncated. They stay
     * inside the box, whose edges are within the image.
     */
    private static BufferedImage nearest(BufferedImage src, int width, int height, Box box) {
        int srcW = src.getWidth();
        double dx = (double) (box.right() - box.left()) / width;
        double dy = (double) (box.bottom() - box.top()) / height;
        int[] xIn = new int[width];
        double xo = box.left() + dx * 0.5;
        for (int x = 0; x < width; x++) {
            xIn[x] = (int) xo;
            xo += dx;
        }
        BufferedImage out = PilImages.newLike(src, width, height);
        byte[] in = PilImages.bytes(src);
        byte[] dst = PilImages.bytes(out);
        double yo = box.top() + dy * 0.5;
        for (int y = 0; y < height; y++) {
            int row = (int) yo * srcW;
            for (int x = 0; x < width; x++) {
                dst[y * width + x] = in[row + xIn[x]];
            }
            yo += dy;
        }
        return out;
    }

    /**
     * Resizes the {@code width} x {@code height} rectangle at ({@code left}, {@code top}) of the image exactly
     * as cropping it first (Pillow's {@code crop}) and resizing the crop, without copying RGB crops.
     */
    static BufferedImage resizeRegion(BufferedImage image, int left, int top, int width, int height, int outW,
            int outH, Interpolation filter) {
        BufferedImage src = PilImages.canonical(image);
        if (width == outW && height == outH) {
            return PilImages.crop(src, left, top, width, height);
        }
        if (PilImages.mode(src) != PilImages.Mode.RGB) {
            return resize(PilImages.crop(src, left, top, width, height), outW, outH, filter);
        }
        if (left < 0 || top < 0 || width < 1 || height < 1 || left + width > src.getWidth()
                || top + height > src.getHeight()) {
            throw new IllegalArgumentException("region " + width + "x" + height + " at (" + left + ", " + top
                    + ") does not fit in " + src.getWidth() + "x" + src.getHeight());
        }
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        Region region = new Region(PilImages.ints(src), src.getWidth(), left, top, width, height);
        resample(region, PilImages.ints(out), outW, outH, filter, new Box(0, 0, width, height), false);
        return out;
    }

    /** A rectangle of a packed pixel array with row length {@code stride}, seen as an image of its own. */
    private record Region(int[] pixels, int stride, int left, int top, int width, int height) {
        static Region whole(int[] pixels, int width, int height) {
            return new Region(pixels, width, 0, 0, width, height);
        }

        int offset(int x, int y) {
            return (top + y) * stride + left + x;
        }
    }

    /** Pillow's two-pass 8-bit resample of packed pixels; {@code alpha} resamples the alpha byte too. */
    private static void resample(Region src, int[] dst, int outW, int outH, Interpolation filter, Box box,
            boolean alpha) {
        boolean horizontal = outW != src.width() || box.left() != 0 || box.right() != outW;
        boolean vertical = outH != src.height() || box.top() != 0 || box.bottom() != outH;
        Kernel kernel = Kernel.of(filter);
        Coefficients vert = Coefficients.compute(src.height(), box.top(), box.bottom(), outH, kernel);
        int firstRow = vert.start[0];
        int lastRow = vert.start[outH - 1] + vert.count[outH - 1];
        Region cur = src;
        if (horizontal) {
            Coefficients hor = Coefficients.compute(src.width(), box.left(), box.right(), outW, kernel);
            for (int i = 0; i < outH; i++) {
                vert.start[i] -= firstRow;
            }
            int rows = lastRow - firstRow;
            int[] temp = vertical ? new int[outW * rows] : dst;
            horizontalPass(src, firstRow, rows, temp, outW, hor, alpha);
            cur = Region.whole(temp, outW, rows);
        }
        if (vertical) {
            verticalPass(cur, dst, outH, vert, alpha);
        } else if (!horizontal) {
            for (int y = 0; y < outH; y++) {
                System.arraycopy(src.pixels(), src.offset(0, y), dst, y * outW, outW);
            }
        }
    }

    private static void horizontalPass(Region src, int firstRow, int rows, int[] dst, int outW, Coefficients c,
            boolean alpha) {
        int[] in = src.pixels();
        int ksize = c.ksize;
        int[] k = c.fixed;
        for (int y = 0; y < rows; y++) {
            int rowBase = src.offset(0, y + firstRow);
            int outBase = y * outW;
            for (int xx = 0; xx < outW; xx++) {
                int base = rowBase + c.start[xx];
                int count = c.count[xx];
                int kBase = xx * ksize;
                int s0 = HALF;
                int s1 = HALF;
                int s2 = HALF;
                int s3 = HALF;
                for (int x = 0; x < count; x++) {
                    int p = in[base + x];
                    int w = k[kBase + x];
                    s0 += (p >> 16 & 0xFF) * w;
                    s1 += (p >> 8 & 0xFF) * w;
                    s2 += (p & 0xFF) * w;
                    s3 += (p >>> 24) * w;
                }
                dst[outBase + xx] = pack(s0, s1, s2, alpha ? s3 : 0);
            }
        }
    }

    private static void verticalPass(Region src, int[] dst, int outH, Coefficients c, boolean alpha) {
        int[] in = src.pixels();
        int width = src.width();
        int stride = src.stride();
        int ksize = c.ksize;
        int[] k = c.fixed;
        for (int yy = 0; yy < outH; yy++) {
            int first = src.offset(0, c.start[yy]);
            int count = c.count[yy];
            int kBase = yy * ksize;
            int outBase = yy * width;
            for (int xx = 0; xx < width; xx++) {
                int s0 = HALF;
                int s1 = HALF;
                int s2 = HALF;
                int s3 = HALF;
                for (int y = 0, at = first + xx; y < count; y++, at += stride) {
                    int p = in[at];
                    int w = k[kBase + y];
                    s0 += (p >> 16 & 0xFF) * w;
                    s1 += (p >> 8 & 0xFF) * w;
                    s2 += (p & 0xFF) * w;
                    s3 += (p >>> 24) * w;
                }
                dst[outBase + xx] = pack(s0, s1, s2, alpha ? s3 : 0);
            }
        }
    }

    private static int pack(int r, int g, int b, int a) {
        return clip(a) << 24 | clip(r) << 16 | clip(g) << 8 | clip(b);
    }

    /** Pillow's {@code clip8}: drop the fraction bits (rounding was added up front) and clamp to 0..255. */
    private static int clip(int sum) {
        int v = sum >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** A resampling filter and its support radius at scale 1. */
    private enum Kernel {
        BILINEAR(1.0) {
            @Override
            double weight(double x) {
                double ax = Math.abs(x);
                return ax < 1.0 ? 1.0 - ax : 0.0;
            }
        },
        BICUBIC(2.0) {
            @Override
            double weight(double x) {
                double a = -0.5;
                double ax = x < 0.0 ? -x : x;
                if (ax < 1.0) {
                    return ((a + 2.0) * ax - (a + 3.0)) * ax * ax + 1;
                }
                if (ax < 2.0) {
                    return (((ax - 5) * ax + 8) * ax - 4) * a;
                }
                return 0.0;
            }
        };

        final double support;

        Kernel(double support) {
            this.support = support;
        }

        abstract double weight(double x);

        static Kernel of(Interpolation interpolation) {
            return switch (interpolation) {
                case BILINEAR -> BILINEAR;
                case BICUBIC -> BICUBIC;
            };
        }
    }

    /** Per output pixel: the first source pixel, how many follow, and their fixed-point weights. */
    static final class Coefficients {
        final int ksize;
        final int[] start;
        final int[] count;
        final int[] fixed;
        final double[] weights;

        private Coefficients(int ksize, int[] start, int[] count, double[] weights) {
            this.ksize = ksize;
            this.start = start;
            this.count = count;
            this.weights = weights;
            this.fixed = new int[weights.length];
            for (int i = 0; i < weights.length; i++) {
                double scaled = weights[i] * (1 << PRECISION_BITS);
                fixed[i] = (int) (weights[i] < 0 ? -0.5 + scaled : 0.5 + scaled);
            }
        }

        /** Pillow's {@code precompute_coeffs} for the source interval [{@code in0}, {@code in1}). */
        static Coefficients compute(int inSize, float in0, float in1, int outSize, Kernel kernel) {
            double scale = (double) (in1 - in0) / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = kernel.support * filterScale;
            int ksize = (int) Math.ceil(support) * 2 + 1;
            int[] start = new int[outSize];
            int[] count = new int[outSize];
            double[] weights = new double[outSize * ksize];
            double inverse = 1.0 / filterScale;
            for (int xx = 0; xx < outSize; xx++) {
                double center = in0 + (xx + 0.5) * scale;
                int xmin = Math.max((int) (center - support + 0.5), 0);
                int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
                double total = 0.0;
                int base = xx * ksize;
                for (int x = 0; x < xmax; x++) {
                    double w = kernel.weight((x + xmin - center + 0.5) * inverse);
                    weights[base + x] = w;
                    total += w;
                }
                if (total != 0.0) {
                    for (int x = 0; x < xmax; x++) {
                        weights[base + x] /= total;
                    }
                }
                start[xx] = xmin;
                count[xx] = Math.max(xmax, 0);
            }
            return new Coefficients(ksize, start, count, weights);
        }

        /** The coefficients of a bicubic or bilinear filter, exposed for tests. */
        static Coefficients compute(int inSize, float in0, float in1, int outSize, Interpolation filter) {
            return compute(inSize, in0, in1, outSize, Kernel.of(filter));
        }
    }
}
