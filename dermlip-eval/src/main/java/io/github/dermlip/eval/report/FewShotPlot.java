package io.github.dermlip.eval.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A metric against the amount of training data (shots per class or percent of the training set): one line with
 * markers per model, over a shaded confidence band when the series has one.
 */
public final class FewShotPlot {

    private FewShotPlot() {}

    /**
     * Writes the plot.
     *
     * @param png the PNG file
     * @param title chart title
     * @param xLabel x-axis title, for example "shots per class"
     * @param yLabel y-axis title, the metric
     * @param x the data amounts, shared by all series
     * @param series one curve per model, each with {@code x.length} points
     * @param logX space x logarithmically (for 1, 2, 4, 8, 16 shots; all x must be positive), labelling the powers
     *     of two
     */
    public static void write(Path png, String title, String xLabel, String yLabel, double[] x, List<BandSeries> series,
            boolean logX) {
        for (BandSeries s : series) {
            if (s.y().length != x.length) {
                throw new IllegalArgumentException(s.name() + ": " + s.y().length + " points for " + x.length + " x values");
            }
        }
        ChartFiles.headless();
        XYChart chart = new XYChartBuilder().width(800).height(520).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel)
                .build();
        ChartFiles.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        double[] px = logX ? log2(x) : x;
        if (logX) {
            chart.setCustomXAxisTickLabelsFormatter(FewShotPlot::powerOfTwoLabel);
        }
        for (int i = 0; i < series.size(); i++) {
            BandSeries s = series.get(i);
            Color color = ChartFiles.color(i);
            if (s.low() != null) {
                XYSeries band = chart.addSeries(s.name() + " CI", polygonX(px), polygonY(s.low(), s.high()));
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(ChartFiles.translucent(color, 50));
                band.setLineColor(ChartFiles.translucent(color, 0));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
            XYSeries line = chart.addSeries(s.name(), px, s.y());
            line.setLineColor(color);
            line.setMarkerColor(color);
            line.setMarker(SeriesMarkers.CIRCLE);
        }
        ChartFiles.save(chart, png);
    }

    private static double[] log2(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0)) {
                throw new IllegalArgumentException("a logarithmic x axis needs positive x, found " + x[i]);
            }
            out[i] = Math.log(x[i]) / Math.log(2);
        }
        return out;
    }

    /** {@code 2^v} for whole {@code v}, nothing between (so the axis reads 1, 2, 4, 8, 16). */
    private static String powerOfTwoLabel(double v) {
        long whole = Math.round(v);
        return Math.abs(v - whole) < 1e-9 ? formatPower(whole) : "";
    }

    private static String formatPower(long exponent) {
        return exponent >= 0 ? Long.toString(1L << exponent) : "1/" + (1L << -exponent);
    }

    /** x forwards then backwards, tracing the band's outline. */
    private static double[] polygonX(double[] x) {
        double[] px = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            px[i] = x[i];
            px[px.length - 1 - i] = x[i];
        }
        return px;
    }

    /** Upper bound forwards then lower bound backwards. */
    private static double[] polygonY(double[] low, double[] high) {
        double[] py = new double[2 * low.length];
        for (int i = 0; i < low.length; i++) {
            py[i] = high[i];
            py[py.length - 1 - i] = low[i];
        }
        return py;
    }
}
