package io.github.dermlip.synth;

import io.github.dermlip.synth.caption.Caption;
import io.github.dermlip.synth.lesion.SkinSample;

/**
 * One sample of a SkinSynth dataset before its pixels are drawn.
 *
 * @param split the split it belongs to
 * @param index its index within the split
 * @param imagePath path of its PNG relative to the dataset root, with forward slashes
 * @param sample the drawn diagnosis, tone, modality and attributes
 * @param caption its caption (always a clinical description for retrieval pairs)
 */
public record GeneratedSample(DatasetSplit split, int index, String imagePath, SkinSample sample, Caption caption) {
}
