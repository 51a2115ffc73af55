package io.github.dermlip.eval.report;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * A confusion matrix as a heat map: true classes down the side (first class on top), predictions along the
 * bottom, each cell showing its count or its share of the row. Cell values are printed up to
 * {@value #MAX_ANNOTATED} classes; larger matrices show colours only.
 */
public final class ConfusionMatrixPlot {
    /** The largest class count whose cells get their value printed. */
    public static final int MAX_ANNOTATED = 20;

    private ConfusionMatrixPlot() {}

    /**
     * Writes the plot.
     *
     * @param png the PNG file
     * @param title chart title
     * @param classNames class names in label order
     * @param counts {@code counts[true][predicted]}
     * @param normalize colour and print each row's fractions instead of counts
     */
    public static void write(Path png, String title, List<String> classNames, long[][] counts, boolean normalize) {
        int k = classNames.size();
        for (long[] row : counts) {
            if (counts.length != k || row.length != k) {
                throw new IllegalArgumentException("confusion matrix must be " + k + " x " + k + " for " + k
                        + " classes");
            }
        }
        double[][] values = normalize ? ConfusionTable.normalizeRows(counts) : toDouble(counts);
        ChartFiles.headless();
        int side = Math.min(2400, 420 + 48 * k);
        HeatMapChart chart = new HeatMapChartBuilder().width(side + 140).height(side).title(title)
                .xAxisTitle("Predicted").yAxisTitle("True").build();
        ChartFiles.style(chart.getStyler());
        HeatMapStyler styler = chart.getStyler();
        styler.setRangeColors(new Color[] {Color.WHITE, new Color(8, 81, 156)});
        styler.setMin(0);
        styler.setMax(normalize ? 1 : Math.max(1, max(values)));
        styler.setShowValue(k <= MAX_ANNOTATED);
        styler.setHeatMapValueDecimalPattern(normalize ? "0.00" : "0");
        styler.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, k <= 8 ? 14 : 11));
        styler.setXAxisLabelRotation(k > 6 ? 45 : 0);
        List<String> rows = new ArrayList<>(classNames);
        Collections.reverse(rows);
        List<Number[]> cells = new ArrayList<>(k * k);
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                cells.add(new Number[] {p, k - 1 - t, values[t][p]});
            }
        }
        chart.addSeries(normalize ? "fraction of true class" : "count", classNames, rows, cells);
        ChartFiles.save(chart, png);
    }

    private static double[][] toDouble(long[][] counts) {
        double[][] values = new double[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            values[t] = new double[counts[t].length];
            for (int p = 0; p < counts[t].length; p++) {
                values[t][p] = counts[t][p];
            }
        }
        return values;
    }

    private static double max(double[][] values) {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
