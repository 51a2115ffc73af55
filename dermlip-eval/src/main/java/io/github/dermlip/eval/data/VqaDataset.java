package io.github.dermlip.eval.data;

import java.util.List;

/**
 * A visual question answering test set.
 *
 * @param name short name, as used in reports
 * @param items the questions in file order
 */
public record VqaDataset(String name, List<VqaItem> items) {

    /** Copies the list. */
    public VqaDataset {
        items = List.copyOf(items);
    }

    /** Number of questions. */
    public int size() {
        return items.size();
    }
}
