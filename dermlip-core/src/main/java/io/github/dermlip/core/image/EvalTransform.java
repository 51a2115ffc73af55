package io.github.dermlip.core.image;

import io.github.dermlip.core.config.PreprocessConfig;
import java.awt.image.BufferedImage;

/**
 * open_clip's eval transform ({@code image_transform(is_train=False)}) on Pillow semantics.
 *
 * <ul>
 *   <li>{@code shortest}: torchvision {@code Resize(size)}: the short side becomes {@code size}, the long
 *       side {@code int(size * long / short)}; then {@code CenterCrop(size)} with offsets
 *       {@code round((side - size) / 2)} (round half to even, as Python).</li>
 *   <li>{@code longest}: {@code ResizeKeepRatio(longest=1)}: both sides divided by the larger of
 *       {@code side / size} and rounded half to even; then {@code CenterCropOrPad} with {@code fill_color}
 *       (left/top padding {@code (size - side) // 2}, the rest right/bottom).</li>
 *   <li>{@code squash}: {@code Resize((size, size))}.</li>
 * </ul>
 * Resizing uses {@link PillowResampler} with the configured filter, before the conversion to RGB, as open_clip
 * does (so RGBA images are resized premultiplied and palette images with nearest neighbour). Then
 * {@code ToTensor} and {@code Normalize}. Deterministic, stateless and thread-safe.
 */
public final class EvalTransform extends InferenceTransform {
    private final PreprocessConfig config;

    /** The transform a model with this {@code preprocess_cfg} expects. */
    public EvalTransform(PreprocessConfig config) {
        super(config.mean(), config.std());
        this.config = config;
    }

    /** The {@code size x size} 8-bit RGB image the tensor is made from: resized, cropped or padded, converted. */
    @Override
    public BufferedImage fitToSquare(BufferedImage image) {
        BufferedImage src = PilImages.canonical(image);
        int size = config.size();
        BufferedImage fitted = switch (config.resizeMode()) {
            case SHORTEST -> centerCropOrPad(resizeShortest(src, size), size, 0);
            case LONGEST -> centerCropOrPad(resizeLongest(src, size), size, config.fillColor());
            case SQUASH -> resize(src, size, size);
        };
        return PilImages.toRgb(fitted);
    }

    @Override
    public int outputSize() {
        return config.size();
    }

    /** The configuration this transform was built from. */
    public PreprocessConfig config() {
        return config;
    }

    private BufferedImage resizeShortest(BufferedImage src, int size) {
        int w = src.getWidth();
        int h = src.getHeight();
        int shortSide = Math.min(w, h);
        int longSide = Math.max(w, h);
        int newLong = (int) ((double) size * longSide / shortSide);
        return w <= h ? resize(src, size, newLong) : resize(src, newLong, size);
    }

    private BufferedImage resizeLongest(BufferedImage src, int size) {
        int w = src.getWidth();
        int h = src.getHeight();
        double ratio = Math.max((double) h / size, (double) w / size);
        return resize(src, (int) Math.rint(w / ratio), (int) Math.rint(h / ratio));
    }

    private BufferedImage resize(BufferedImage src, int width, int height) {
        return PillowResampler.resize(src, width, height, config.interpolation());
    }

    /** open_clip's {@code center_crop_or_pad} (torchvision's {@code CenterCrop} when no padding is needed). */
    static BufferedImage centerCropOrPad(BufferedImage src, int size, int fill) {
        BufferedImage img = src;
        if (size > img.getWidth() || size > img.getHeight()) {
            int padW = Math.max(size - img.getWidth(), 0);
            int padH = Math.max(size - img.getHeight(), 0);
            img = PilImages.pad(img, padW / 2, padH / 2, (padW + 1) / 2, (padH + 1) / 2, fill);
            if (img.getWidth() == size && img.getHeight() == size) {
                return img;
            }
        }
        int top = (int) Math.rint((img.getHeight() - size) / 2.0);
        int left = (int) Math.rint((img.getWidth() - size) / 2.0);
        return PilImages.crop(img, left, top, size, size);
    }
}
