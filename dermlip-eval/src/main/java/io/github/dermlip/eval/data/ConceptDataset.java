package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Images annotated with the presence of clinical concepts (SkinCon): {@code labels[i][c]} is true when image
 * {@code i} shows concept {@code c}.
 *
 * @param name short dataset name
 * @param conceptNames concept names in column order
 * @param images the image files
 * @param labels presence matrix, one row per image, one column per concept
 */
public record ConceptDataset(String name, List<String> conceptNames, List<Path> images, boolean[][] labels)
        implements EvalDataset {

    /** Copies the inputs and checks that the matrix matches the images and concepts. */
    public ConceptDataset {
        Objects.requireNonNull(name, "name");
        conceptNames = List.copyOf(conceptNames);
        images = List.copyOf(images);
        if (labels.length != images.size()) {
            throw new IllegalArgumentException(name + ": " + labels.length + " label rows for " + images.size() + " images");
        }
        boolean[][] copy = new boolean[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].length != conceptNames.size()) {
                throw new IllegalArgumentException(name + ": label row " + i + " has " + labels[i].length
                        + " values for " + conceptNames.size() + " concepts");
            }
            copy[i] = labels[i].clone();
        }
        labels = copy;
    }

    @Override
    public int size() {
        return images.size();
    }

    /** Whether image {@code image} shows concept {@code concept}. */
    public boolean has(int image, int concept) {
        return labels[image][concept];
    }

    /** One concept's presence over all images, for a per-concept AUROC. */
    public boolean[] conceptColumn(int concept) {
        boolean[] column = new boolean[labels.length];
        for (int i = 0; i < column.length; i++) {
            column[i] = labels[i][concept];
        }
        return column;
    }

    /** Number of images showing each concept. */
    public int[] positives() {
        int[] counts = new int[conceptNames.size()];
        for (boolean[] row : labels) {
            for (int c = 0; c < row.length; c++) {
                if (row[c]) {
                    counts[c]++;
                }
            }
        }
        return counts;
    }

    /** A copy of the presence matrix. */
    @Override
    public boolean[][] labels() {
        boolean[][] copy = new boolean[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            copy[i] = labels[i].clone();
        }
        return copy;
    }
}
