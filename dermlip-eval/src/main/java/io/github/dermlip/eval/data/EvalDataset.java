package io.github.dermlip.eval.data;

/** A loaded evaluation dataset: labelled images, concept-annotated images, or image-caption pairs. */
public sealed interface EvalDataset permits LabeledDataset, ConceptDataset, CaptionedImages {

    /** Short dataset name, as used in reports. */
    String name();

    /** Number of images. */
    int size();
}
