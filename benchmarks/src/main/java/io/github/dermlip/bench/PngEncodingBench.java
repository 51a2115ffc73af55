package io.github.dermlip.bench;

import io.github.dermlip.synth.DatasetSplit;
import io.github.dermlip.synth.PngEncoder;
import io.github.dermlip.synth.SkinSynthGenerator;
import io.github.dermlip.synth.SkinSynthOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import javax.imageio.ImageIO;

/**
 * SkinSynth's {@link PngEncoder} against ImageIO's PNG writer on the same rendered SkinSynth images, printed side
 * by side: the median time per image over the timed rounds (after one warm-up round) and the mean file size.
 * Run with {@code mvn -q -pl benchmarks exec:exec@png-encoding}.
 */
public final class PngEncodingBench {
    private static final int IMAGES = 200;
    private static final int ROUNDS = 5;
    private static final int[] SIZES = {64, 224};

    private PngEncodingBench() {}

    /** Prints one table row per image size. */
    public static void main(String[] args) {
        ImageIO.setUseCache(false);
        System.out.println("| image side | PngEncoder ms/image | ImageIO ms/image | speed-up | PngEncoder bytes | ImageIO bytes |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int size : SIZES) {
            SkinSynthGenerator generator = new SkinSynthGenerator(SkinSynthOptions.DEFAULT_SEED, size);
            List<BufferedImage> images = new ArrayList<>(IMAGES);
            for (int i = 0; i < IMAGES; i++) {
                images.add(generator.render(generator.describe(DatasetSplit.PRETRAIN, i)));
            }
            Timing ours = time(images, image -> PngEncoder.encode(image).length);
            Timing imageIo = time(images, PngEncodingBench::imageIoBytes);
            System.out.printf("| %d | %.3f | %.3f | %.2f | %d | %d |%n", size, ours.msPerImage(), imageIo.msPerImage(),
                    imageIo.msPerImage() / ours.msPerImage(), ours.meanBytes(), imageIo.meanBytes());
        }
    }

    /** Median milliseconds per image over {@link #ROUNDS} rounds and the mean encoded size. */
    private record Timing(double msPerImage, long meanBytes) {}

    private static Timing time(List<BufferedImage> images, ToIntFunction<BufferedImage> encode) {
        double[] ms = new double[ROUNDS];
        long bytes = 0;
        for (int round = -1; round < ROUNDS; round++) {
            bytes = 0;
            long start = System.nanoTime();
            for (BufferedImage image : images) {
                bytes += encode.applyAsInt(image);
            }
            if (round >= 0) {
                ms[round] = (System.nanoTime() - start) / 1e6 / images.size();
            }
        }
        return new Timing(Medians.of(ms), bytes / images.size());
    }

    private static int imageIoBytes(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("ImageIO cannot write a PNG", e);
        }
        return out.size();
    }
}
