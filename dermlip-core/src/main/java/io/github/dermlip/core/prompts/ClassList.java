package io.github.dermlip.core.prompts;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The class names of a classification task in label order: label index {@code i} is {@code labels().get(i)}.
 *
 * @param name short name of the list (for example {@code ham10000}), used in reports and errors
 * @param labels the class names, non-blank and distinct, in label-index order
 */
public record ClassList(String name, List<String> labels) {

    /** Copies the labels and checks that they are non-empty, non-blank and distinct. */
    public ClassList {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("class list '" + name + "' has no labels");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label.isBlank()) {
                throw new IllegalArgumentException("class list '" + name + "': label " + i + " is blank");
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException("class list '" + name + "': label '" + label + "' appears twice");
            }
        }
    }

    /** Number of classes. */
    public int size() {
        return labels.size();
    }

    /** The class name of label index {@code index}. */
    public String label(int index) {
        return labels.get(index);
    }

    /** The label index of a class name, or -1 when the name is not in the list. */
    public int indexOf(String label) {
        return labels.indexOf(label);
    }
}
