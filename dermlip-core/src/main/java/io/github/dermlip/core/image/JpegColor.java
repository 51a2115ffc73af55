package io.github.dermlip.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Turns the raw components of a decoded JPEG into RGB exactly as Pillow (on libjpeg) does.
 *
 * <p>The JPEG's colour space is guessed from its markers with libjpeg's rules; YCbCr is converted with
 * libjpeg's fixed-point tables, so the result is bit-identical to Pillow's. CMYK and YCCK (Adobe) images
 * become Pillow's inverted CMYK and then RGB through Pillow's naive {@code cmyk2rgb}; no ICC profile is
 * applied, as Pillow applies none.
 */
final class JpegColor {
    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALE_BITS;
            CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALE_BITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private JpegColor() {}

    private static int fix(double x) {
        return (int) (x * (1L << SCALE_BITS) + 0.5);
    }

    /** libjpeg's colour spaces of the coded components. */
    enum Space {
        /** One grey component. */
        GRAY,
        /** Three components that are RGB already. */
        RGB,
        /** Luma and chroma (JFIF). */
        YCBCR,
        /** Four CMYK components, stored inverted (Adobe convention). */
        CMYK,
        /** YCbCr for CMY plus K (Adobe transform 2). */
        YCCK
    }

    /**
     * libjpeg's guess ({@code default_decompress_parms}): JFIF means YCbCr; else an Adobe marker's transform
     * decides; else the component ids {@code R,G,B} mean RGB and anything else YCbCr; four components are
     * YCCK only with Adobe transform 2 (or an unknown transform).
     */
    static Space space(JpegHeader header) {
        return switch (header.components()) {
            case 1 -> Space.GRAY;
            case 3 -> {
                if (header.jfif()) {
                    yield Space.YCBCR;
                }
                if (header.adobeTransform() >= 0) {
                    yield header.adobeTransform() == 0 ? Space.RGB : Space.YCBCR;
                }
                yield header.componentIdsAre('R', 'G', 'B') ? Space.RGB : Space.YCBCR;
            }
            case 4 -> header.adobeTransform() < 0 || header.adobeTransform() == 0 ? Space.CMYK : Space.YCCK;
            default -> throw new IllegalArgumentException("cannot handle " + header.components() + "-component JPEG images");
        };
    }

    /** RGB from a raster of raw (not colour-converted, but upsampled) 8-bit components. */
    static BufferedImage toRgb(Raster raster, Space space) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bands = raster.getNumBands();
        int expected = switch (space) {
            case GRAY -> 1;
            case RGB, YCBCR -> 3;
            case CMYK, YCCK -> 4;
        };
        if (bands != expected) {
            throw new IllegalArgumentException("decoder returned " + bands + " components for a " + space + " JPEG");
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = PilImages.ints(out);
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int x = 0, i = 0; x < w; x++, i += bands) {
                dst[y * w + x] = switch (space) {
                    case GRAY -> row[i] << 16 | row[i] << 8 | row[i];
                    case RGB -> row[i] << 16 | row[i + 1] << 8 | row[i + 2];
                    case YCBCR -> yccToRgb(row[i], row[i + 1], row[i + 2]);
                    // libjpeg outputs 255 - RGB for YCCK and Pillow inverts it back ("CMYK;I"); K is inverted once.
                    case YCCK -> {
                        int cmy = yccToRgb(row[i], row[i + 1], row[i + 2]);
                        yield PilImages.cmykToRgb(cmy >> 16 & 0xFF, cmy >> 8 & 0xFF, cmy & 0xFF, 255 - row[i + 3]);
                    }
                    case CMYK -> PilImages.cmykToRgb(255 - row[i], 255 - row[i + 1], 255 - row[i + 2], 255 - row[i + 3]);
                };
            }
        }
        return out;
    }

    /** libjpeg's {@code ycc_rgb_convert} for one pixel, as packed RGB. */
    static int yccToRgb(int y, int cb, int cr) {
        int r = PilImages.clip8(y + CR_R[cr]);
        int g = PilImages.clip8(y + ((CB_G[cb] + CR_G[cr]) >> SCALE_BITS));
        int b = PilImages.clip8(y + CB_B[cb]);
        return r << 16 | g << 8 | b;
    }
}
