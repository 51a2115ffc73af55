package io.github.dermlip.eval.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A generic line chart of (x, y) series, each with its own x values, for training curves such as loss and
 * learning rate against step or epoch.
 *
 * <pre>{@code
 * new LinePlot("Training", "step", "loss").logY(true)
 *     .add("train loss", steps, trainLoss).add("val loss", valSteps, valLoss).write(Path.of("loss.png"));
 * }</pre>
 */
public final class LinePlot {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();
    private boolean logY;

    /** A plot with its titles. */
    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Uses a logarithmic y axis (all y must be positive). */
    public LinePlot logY(boolean logarithmic) {
        this.logY = logarithmic;
        return this;
    }

    /** Adds a series; {@code x} and {@code y} must have the same, non-zero length. */
    public LinePlot add(String name, double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException(name + ": x has " + x.length + " values, y has " + y.length
                    + " (need equal, non-zero lengths)");
        }
        names.add(name);
        xs.add(x.clone());
        ys.add(y.clone());
        return this;
    }

    /** Renders the series to a PNG file. */
    public void write(Path png) {
        if (names.isEmpty()) {
            throw new IllegalStateException("line plot '" + title + "' has no series");
        }
        ChartFiles.headless();
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel)
                .build();
        ChartFiles.style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setLegendVisible(names.size() > 1);
        for (int i = 0; i < names.size(); i++) {
            XYSeries s = chart.addSeries(names.get(i), xs.get(i), ys.get(i));
            s.setMarker(xs.get(i).length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineColor(ChartFiles.color(i));
            s.setMarkerColor(ChartFiles.color(i));
        }
        ChartFiles.save(chart, png);
    }
}
