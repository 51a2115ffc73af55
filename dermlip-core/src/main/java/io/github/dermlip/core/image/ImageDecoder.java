package io.github.dermlip.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files to the pixel values Pillow's {@code Image.open} gives, which is what open_clip sees.
 *
 * <p>{@link #decodeRgb} returns Pillow's {@code convert('RGB')}: alpha dropped (not composited), grey and
 * palettes expanded, no EXIF rotation, no ICC colour management. {@link #decode} keeps the two distinctions
 * that change open_clip's output before that conversion: RGBA images stay {@code TYPE_INT_ARGB} (Pillow
 * resizes them premultiplied by alpha) and palette images stay {@code TYPE_BYTE_INDEXED} (Pillow resizes
 * them with nearest neighbour); give those to {@link EvalTransform} or {@link TrainTransform} for exact
 * parity with open_clip.
 *
 * <p>Formats and Pillow's rules that are followed:
 * <ul>
 *   <li>PNG: grey 2/4/8 bit, RGB, RGBA and grey+alpha (as RGBA) at 8 bits; 16-bit colour keeps the high
 *       byte of each sample (Pillow's {@code RGB;16B}); 16-bit grey is clipped to 255 (Pillow opens it as
 *       mode {@code I;16}/{@code I}, whose RGB conversion clips); 1-bit grey and all palettes stay palette
 *       images; a {@code tRNS} chunk never adds an alpha channel (Pillow keeps it as metadata only).</li>
 *   <li>JPEG: the raw components are converted with libjpeg's own integer YCbCr tables (bit-identical to
 *       Pillow); CMYK/YCCK go through Pillow's inverted-Adobe CMYK and {@code cmyk2rgb}. A truncated file is
 *       an error, as in Pillow.</li>
 *   <li>BMP, WebP, GIF and whatever else ImageIO reads: colour-mapped images stay palette images except a
 *       BMP whose palette is the grey ramp 0, 1, 2... (Pillow opens that as mode {@code L}).</li>
 * </ul>
 * Thread-safe; ImageIO's disk cache is disabled, as every image is decoded from memory. Every image is held to
 * {@link ImageLimits#defaults()}, or to the limits given: the file's size before it is read, and its dimensions
 * from the header before any pixel is decoded.
 */
public final class ImageDecoder {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int PNG_BIT_DEPTH = 24;
    private static final int PNG_COLOR_TYPE = 25;

    static {
        ImageIO.setUseCache(false);
    }

    private ImageDecoder() {}

    /** Decodes a file to Pillow's {@code convert('RGB')} as {@code TYPE_INT_RGB}. */
    public static BufferedImage decodeRgb(Path file) throws IOException {
        return PilImages.toRgb(decode(file));
    }

    /** Decodes bytes to Pillow's {@code convert('RGB')}; {@code sourceName} names them in errors. */
    public static BufferedImage decodeRgb(byte[] bytes, String sourceName) throws ImageDecodeException {
        return PilImages.toRgb(decode(bytes, sourceName));
    }

    /**
     * Decodes a file keeping Pillow's mode: {@code TYPE_INT_RGB}, {@code TYPE_INT_ARGB} (straight alpha) or
     * {@code TYPE_BYTE_INDEXED} (256-colour palette).
     *
     * @throws ImageDecodeException when the content is not a decodable image
     * @throws IOException when the file cannot be read
     */
    public static BufferedImage decode(Path file) throws IOException {
        return decode(ImageLimits.defaults().readFile(file), file.toString());
    }

    /** Decodes bytes keeping Pillow's mode, like {@link #decode(Path)}; {@code sourceName} names them in errors. */
    public static BufferedImage decode(byte[] bytes, String sourceName) throws ImageDecodeException {
        return decode(bytes, sourceName, ImageLimits.defaults());
    }

    /**
     * Decodes bytes keeping Pillow's mode, held to {@code limits} instead of the defaults.
     *
     * @throws ImageTooLargeException when the bytes or the header's dimensions are over {@code limits}
     * @throws ImageDecodeException when the bytes are not a decodable image
     */
    public static BufferedImage decode(byte[] bytes, String sourceName, ImageLimits limits) throws ImageDecodeException {
        limits.requireFileBytes(sourceName, bytes.length);
        if (bytes.length == 0) {
            throw new ImageDecodeException(sourceName + ": empty file, not an image");
        }
        try {
            if (startsWith(bytes, PNG_MAGIC)) {
                return decodePng(bytes, sourceName, limits);
            }
            if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
                return decodeJpeg(bytes, sourceName, limits);
            }
            return decodeOther(bytes, sourceName, limits);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(sourceName + ": cannot decode image: " + describe(e), e);
        }
    }

    /** Pillow's {@code convert('RGB')} of any image: alpha dropped, palette and grey expanded, samples read raw. */
    public static BufferedImage toRgb(BufferedImage image) {
        return PilImages.toRgb(PilImages.canonical(image));
    }

    private static BufferedImage decodePng(byte[] bytes, String sourceName, ImageLimits limits) throws IOException {
        if (bytes.length <= PNG_COLOR_TYPE) {
            throw new ImageDecodeException(sourceName + ": truncated PNG header");
        }
        int bitDepth = bytes[PNG_BIT_DEPTH] & 0xFF;
        int colorType = bytes[PNG_COLOR_TYPE] & 0xFF;
        BufferedImage read = read(bytes, sourceName, limits, "png", reader -> reader.read(0));
        Raster raster = read.getRaster();
        return switch (colorType) {
            case 0 -> bitDepth == 1 ? PilImages.palette(raster, new int[] {0x000000, 0xFFFFFF}) : PilImages.gray(raster, true);
            case 2 -> PilImages.rgb(raster);
            case 3 -> PilImages.palette(raster, colors((IndexColorModel) read.getColorModel()));
            case 4 -> PilImages.rgba(raster, true);
            case 6 -> PilImages.rgba(raster, false);
            default -> throw new ImageDecodeException(sourceName + ": unknown PNG colour type " + colorType);
        };
    }

    private static BufferedImage decodeJpeg(byte[] bytes, String sourceName, ImageLimits limits) throws IOException {
        JpegColor.Space space = JpegColor.space(JpegHeader.parse(bytes));
        Raster raw = read(bytes, sourceName, limits, "jpeg", reader -> reader.readRaster(0, null));
        return JpegColor.toRgb(raw, space);
    }

    private static BufferedImage decodeOther(byte[] bytes, String sourceName, ImageLimits limits) throws IOException {
        Decoded decoded = read(bytes, sourceName, limits, null,
                reader -> new Decoded(reader.read(0), reader.getFormatName().toLowerCase(Locale.ROOT)));
        BufferedImage image = decoded.image();
        if ("bmp".equals(decoded.format()) && image.getColorModel() instanceof IndexColorModel icm && isGrayRamp(icm)) {
            return PilImages.gray(image.getRaster(), true);
        }
        return PilImages.canonical(image);
    }

    /** Pillow opens a BMP whose palette is exactly (0,0,0), (1,1,1), ... as grey, mode {@code L}. */
    private static boolean isGrayRamp(IndexColorModel icm) {
        int size = icm.getMapSize();
        if (size <= 2) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (icm.getRed(i) != i || icm.getGreen(i) != i || icm.getBlue(i) != i) {
                return false;
            }
        }
        return true;
    }

    private static int[] colors(IndexColorModel icm) {
        int[] argb = new int[icm.getMapSize()];
        icm.getRGBs(argb);
        return argb;
    }

    /** A decoded image and the name of its format. */
    private record Decoded(BufferedImage image, String format) {}

    /** One use of an image reader that is already set on the input. */
    @FunctionalInterface
    private interface ReadAction<T> {
        T apply(ImageReader reader) throws IOException;
    }

    /** Reads with the first reader for {@code format}, or with the first that recognizes the bytes when it is null. */
    private static <T> T read(byte[] bytes, String sourceName, ImageLimits limits, String format,
            ReadAction<T> action) throws IOException {
        ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
        Iterator<ImageReader> readers = format != null ? ImageIO.getImageReadersByFormatName(format) : ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageDecodeException(sourceName + ": not an image in a supported format (PNG, JPEG, BMP, WebP, GIF, TIFF)");
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try {
            reader.setInput(in, true, true);
            limits.requireDimensions(sourceName, reader.getWidth(0), reader.getHeight(0));
            T result = action.apply(reader);
            failOnTruncation(warnings, sourceName);
            return result;
        } finally {
            reader.dispose();
        }
    }

    private static void failOnTruncation(List<String> warnings, String sourceName) throws ImageDecodeException {
        for (String w : warnings) {
            if (w.toLowerCase(Locale.ROOT).contains("truncated")) {
                throw new ImageDecodeException(sourceName + ": image file is truncated (" + w + ")");
            }
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
