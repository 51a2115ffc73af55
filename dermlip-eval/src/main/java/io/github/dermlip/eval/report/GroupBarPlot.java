package io.github.dermlip.eval.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric per subgroup (for example per Fitzpatrick skin type) as bars with confidence-interval error bars. The
 * interval may be asymmetric: it is drawn around its own midpoint, independent of the bar.
 */
public final class GroupBarPlot {

    private GroupBarPlot() {}

    /**
     * Writes the plot.
     *
     * @param png the PNG file
     * @param title chart title
     * @param groupLabel x-axis title, for example "Fitzpatrick skin type"
     * @param metric y-axis title
     * @param groups group names
     * @param value the metric per group
     * @param low lower interval bound per group, or null for no error bars (NaN entries get none)
     * @param high upper interval bound per group, or null for no error bars
     */
    public static void write(Path png, String title, String groupLabel, String metric, List<String> groups,
            double[] value, double[] low, double[] high) {
        int n = groups.size();
        if (n == 0 || value.length != n || (low == null) != (high == null)
                || (low != null && (low.length != n || high.length != n))) {
            throw new IllegalArgumentException("group bars need one value (and, if any, one low and one high bound)"
                    + " per group: " + n + " groups, " + value.length + " values");
        }
        ChartFiles.headless();
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(600, 90 * n + 200)).height(480).title(title)
                .xAxisTitle(groupLabel).yAxisTitle(metric).build();
        ChartFiles.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setXAxisLabelRotation(n > 8 ? 45 : 0);
        chart.addSeries(metric, groups, boxed(value));
        if (low != null) {
            List<Double> mid = new ArrayList<>(n);
            List<Double> half = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                boolean interval = !Double.isNaN(low[i]) && !Double.isNaN(high[i]);
                mid.add(interval ? (low[i] + high[i]) / 2 : value[i]);
                half.add(interval ? (high[i] - low[i]) / 2 : 0.0);
            }
            CategorySeries ci = chart.addSeries("95% CI", groups, mid, half);
            ci.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            ci.setMarker(SeriesMarkers.NONE);
        }
        ChartFiles.save(chart, png);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
