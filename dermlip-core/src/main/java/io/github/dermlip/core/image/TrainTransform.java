package io.github.dermlip.core.image;

import io.github.dermlip.core.config.PreprocessConfig;
import io.github.dermlip.core.config.PreprocessConfig.Interpolation;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * open_clip's training transform without timm ({@code image_transform(is_train=True)}):
 * {@code RandomResizedCrop(size, scale, ratio)} resized with Pillow bicubic (whatever the model's eval
 * interpolation, as in open_clip), conversion to RGB, then with their probabilities {@code ColorJitter} and
 * {@code Grayscale(3)}, then {@code ToTensor} and {@code Normalize}.
 *
 * <p>Every random draw comes from the generator passed to {@link #apply}, in a fixed order (crop, jitter
 * coin, jitter order and factors, greyscale coin), so one seed always gives one result on any thread. The
 * draws follow torchvision's distributions, not its random streams. Stateless and thread-safe.
 */
public final class TrainTransform implements ImageTransform {
    private final int size;
    private final AugmentationConfig augmentation;
    private final ChwNormalizer normalizer;

    /** The training transform for a model with this {@code preprocess_cfg} (size, mean and std are used). */
    public TrainTransform(PreprocessConfig preprocess, AugmentationConfig augmentation) {
        this.size = preprocess.size();
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.normalizer = new ChwNormalizer(preprocess.mean(), preprocess.std());
    }

    /** The normalized CHW input for one augmented view of the image. */
    @Override
    public float[] apply(BufferedImage image, RandomGenerator rng) {
        return normalizer.toChw(augment(image, rng));
    }

    /** The {@code size x size} 8-bit RGB augmented view the tensor is made from. */
    public BufferedImage augment(BufferedImage image, RandomGenerator rng) {
        BufferedImage src = PilImages.canonical(image);
        RandomResizedCrop.Crop crop = RandomResizedCrop.sample(src.getWidth(), src.getHeight(), augmentation, rng);
        BufferedImage resized = PillowResampler.resizeRegion(src, crop.left(), crop.top(), crop.width(),
                crop.height(), size, size, Interpolation.BICUBIC);
        BufferedImage rgb = PilImages.toRgb(resized);
        if (augmentation.colorJitterProb() > 0 && rng.nextDouble() < augmentation.colorJitterProb()) {
            rgb = ColorJitter.apply(rgb, augmentation.colorJitter(), rng);
        }
        if (augmentation.grayscaleProb() > 0 && rng.nextDouble() < augmentation.grayscaleProb()) {
            rgb = PillowColorOps.grayscale(rgb);
        }
        return rgb;
    }

    @Override
    public int outputSize() {
        return size;
    }

    /** The augmentation settings. */
    public AugmentationConfig augmentation() {
        return augmentation;
    }
}
