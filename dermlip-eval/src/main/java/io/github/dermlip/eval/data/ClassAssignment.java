package io.github.dermlip.eval.data;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns the label values of a free-form CSV into class indices.
 *
 * <p>With an explicit class list, a value is a class name (exact, else ignoring case) or an index into the
 * list. Without one, all-integer values are indices (class names "0".."max") and anything else is a class name,
 * the classes being the distinct names sorted.
 *
 * @param classNames the class names in label order
 * @param labels the class index of each value, in input order
 */
public record ClassAssignment(List<String> classNames, int[] labels) {

    /**
     * Assigns the values; a value that fits no class is an error naming {@code source} and the value.
     *
     * @param source file and column, for messages
     * @param values one label value per data row
     * @param given explicit class order, or null
     */
    public static ClassAssignment of(String source, List<String> values, List<String> given) {
        if (given != null) {
            return explicit(source, values, given);
        }
        if (!values.isEmpty() && values.stream().allMatch(ClassAssignment::isIndex)) {
            int[] labels = values.stream().mapToInt(Integer::parseInt).toArray();
            int max = 0;
            for (int l : labels) {
                max = Math.max(max, l);
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i <= max; i++) {
                names.add(Integer.toString(i));
            }
            return new ClassAssignment(List.copyOf(names), labels);
        }
        List<String> names = List.copyOf(new TreeSet<>(values));
        return explicit(source, values, names);
    }

    private static ClassAssignment explicit(String source, List<String> values, List<String> names) {
        int[] labels = new int[values.size()];
        for (int row = 0; row < labels.length; row++) {
            String value = values.get(row);
            int index = indexOf(names, value);
            if (index < 0) {
                throw new DatasetException(source + ": data row " + (row + 1) + ": label '" + value
                        + "' is neither a class name nor an index below " + names.size() + "; classes: " + names);
            }
            labels[row] = index;
        }
        return new ClassAssignment(names, labels);
    }

    private static int indexOf(List<String> names, String value) {
        int exact = names.indexOf(value);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(value)) {
                return i;
            }
        }
        if (isIndex(value)) {
            int index = Integer.parseInt(value);
            return index < names.size() ? index : -1;
        }
        return -1;
    }

    private static boolean isIndex(String value) {
        return value.matches("\\d{1,9}");
    }
}
