package io.github.dermlip.eval.report;

import io.github.dermlip.core.table.CsvTableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes per-image predictions: {@code image_path,true_label,predicted_label,prob_0,...,prob_{K-1}}, labels as class
 * indices, probabilities as the model produced them.
 */
public final class PredictionsCsv {

    private PredictionsCsv() {}

    /**
     * Writes the file, creating its folder.
     *
     * @param file the CSV file
     * @param images one image path per row
     * @param trueLabels true class index per row
     * @param predicted predicted class index per row
     * @param probabilities per row, one probability per class (all rows the same length)
     */
    public static void write(Path file, List<String> images, int[] trueLabels, int[] predicted,
            float[][] probabilities) {
        int n = images.size();
        if (trueLabels.length != n || predicted.length != n || probabilities.length != n) {
            throw new IllegalArgumentException("predictions need one entry per image: " + n + " images, "
                    + trueLabels.length + " true labels, " + predicted.length + " predictions, "
                    + probabilities.length + " probability rows");
        }
        int k = n == 0 ? 0 : probabilities[0].length;
        List<String> header = new ArrayList<>(List.of("image_path", "true_label", "predicted_label"));
        for (int c = 0; c < k; c++) {
            header.add("prob_" + c);
        }
        List<List<String>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (probabilities[i].length != k) {
                throw new IllegalArgumentException("probability row " + i + " has " + probabilities[i].length
                        + " values, row 0 has " + k);
            }
            List<String> row = new ArrayList<>(k + 3);
            row.add(images.get(i));
            row.add(Integer.toString(trueLabels[i]));
            row.add(Integer.toString(predicted[i]));
            for (float p : probabilities[i]) {
                row.add(Float.toString(p));
            }
            rows.add(row);
        }
        try {
            CsvTableWriter.write(file, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
