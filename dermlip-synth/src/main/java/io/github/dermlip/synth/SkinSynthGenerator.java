package io.github.dermlip.synth;

import io.github.dermlip.synth.caption.Caption;
import io.github.dermlip.synth.caption.CaptionComposer;
import io.github.dermlip.synth.caption.CaptionStyle;
import io.github.dermlip.synth.lesion.Diagnosis;
import io.github.dermlip.synth.lesion.SkinSample;
import io.github.dermlip.synth.lesion.SkinSampleFactory;
import io.github.dermlip.synth.render.SkinImageRenderer;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates any sample of a SkinSynth dataset on demand from (seed, split, index): its description, caption and
 * image. Stateless apart from its configuration and safe to share between threads.
 */
public final class SkinSynthGenerator {

    private final long seed;
    private final SkinImageRenderer renderer;

    /** A generator for datasets with the given seed and image size. */
    public SkinSynthGenerator(long seed, int imageSize) {
        this.seed = seed;
        this.renderer = new SkinImageRenderer(imageSize);
    }

    /** Describes sample {@code index} of {@code split}: attributes, caption and file name, but no pixels. */
    public GeneratedSample describe(DatasetSplit split, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("sample index must be >= 0, got " + index);
        }
        long sampleSeed = SampleSeeds.of(seed, split, index);
        Diagnosis[] classes = Diagnosis.values();
        SkinSample sample = split.balanced()
                ? SkinSampleFactory.drawWithDiagnosis(sampleSeed, classes[index % classes.length])
                : SkinSampleFactory.drawWithPrior(sampleSeed);
        Caption caption = split == DatasetSplit.RETRIEVAL
                ? new Caption(CaptionComposer.compose(sample, CaptionStyle.CLINICAL,
                        new SplittableRandom(sample.captionSeed())), CaptionStyle.CLINICAL)
                : CaptionComposer.compose(sample);
        String path = String.format(Locale.ROOT, "images/%s/%06d.png", split.label(), index);
        return new GeneratedSample(split, index, path, sample, caption);
    }

    /** Draws the image of a described sample. */
    public BufferedImage render(GeneratedSample sample) {
        return renderer.render(sample.sample());
    }

    /** Side of the generated images in pixels. */
    public int imageSize() {
        return renderer.size();
    }
}
