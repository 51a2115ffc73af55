package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A classification dataset: images with labels indexing {@code classNames}.
 *
 * @param name short dataset name
 * @param classNames class names in label order
 * @param items the images, in source order
 */
public record LabeledDataset(String name, List<String> classNames, List<LabeledImage> items) implements EvalDataset {

    /** Copies the lists and checks every label against the class count. */
    public LabeledDataset {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(classNames);
        items = List.copyOf(items);
        for (LabeledImage item : items) {
            if (item.label() >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + item.label() + " of " + item.image()
                        + " is out of range for " + classNames.size() + " classes");
            }
        }
    }

    @Override
    public int size() {
        return items.size();
    }

    /** Number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** The labels, in item order. */
    public int[] labels() {
        int[] labels = new int[items.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = items.get(i).label();
        }
        return labels;
    }

    /** The image files, in item order. */
    public List<Path> images() {
        return items.stream().map(LabeledImage::image).toList();
    }

    /** Number of items per class. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (LabeledImage item : items) {
            counts[item.label()]++;
        }
        return counts;
    }

    /** The split names present, sorted. */
    public Set<String> splits() {
        Set<String> splits = new TreeSet<>();
        for (LabeledImage item : items) {
            if (item.split() != null) {
                splits.add(item.split());
            }
        }
        return splits;
    }

    /**
     * The items of one split, with the same class names.
     *
     * @throws IllegalArgumentException naming the splits present when no item has that split
     */
    public LabeledDataset filter(String split) {
        List<LabeledImage> kept = items.stream().filter(i -> split.equals(i.split())).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(name + ": no items in split '" + split + "'; splits present: "
                    + (splits().isEmpty() ? "none (the source has no split column)" : splits()));
        }
        return new LabeledDataset(name + "/" + split, classNames, kept);
    }

    /** The group column names present on at least one item, in first-seen order. */
    public Set<String> groupColumns() {
        Set<String> columns = new LinkedHashSet<>();
        for (LabeledImage item : items) {
            columns.addAll(item.groups().keySet());
        }
        return columns;
    }

    /**
     * Each item's value of a group column (null where an item lacks it), aligned with {@link #items()}.
     *
     * @throws IllegalArgumentException naming the group columns present when no item has this one
     */
    public String[] groupValues(String column) {
        String[] values = new String[items.size()];
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = items.get(i).groups().get(column);
            any |= values[i] != null;
        }
        if (!any) {
            throw new IllegalArgumentException(name + ": no group column '" + column + "'; group columns: "
                    + groupColumns());
        }
        return values;
    }

    /** The distinct values of a group column, sorted (numerically when all are integers). */
    public List<String> groupLevels(String column) {
        Set<String> levels = new LinkedHashSet<>();
        for (String v : groupValues(column)) {
            if (v != null) {
                levels.add(v);
            }
        }
        List<String> sorted = new ArrayList<>(levels);
        if (sorted.stream().allMatch(v -> v.matches("-?\\d+"))) {
            sorted.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        } else {
            sorted.sort(null);
        }
        return sorted;
    }
}
