package io.github.dermlip.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A reliability diagram: for equal-width confidence bins on [0, 1], a bar of the bin's accuracy, a marker at the
 * bin's (mean confidence, accuracy), and the diagonal of perfect calibration. Empty bins are left blank.
 */
public final class ReliabilityPlot {

    private ReliabilityPlot() {}

    /**
     * Writes the plot.
     *
     * @param png the PNG file
     * @param title chart title (a good place for the ECE)
     * @param binAccuracy accuracy per bin
     * @param binConfidence mean confidence per bin
     * @param binCount number of predictions per bin
     */
    public static void write(Path png, String title, double[] binAccuracy, double[] binConfidence, long[] binCount) {
        int bins = binAccuracy.length;
        if (bins == 0 || binConfidence.length != bins || binCount.length != bins) {
            throw new IllegalArgumentException("reliability bins need equal, non-zero lengths: " + bins
                    + " accuracies, " + binConfidence.length + " confidences, " + binCount.length + " counts");
        }
        List<Double> barX = new ArrayList<>();
        List<Double> barY = new ArrayList<>();
        List<Double> pointX = new ArrayList<>();
        List<Double> pointY = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (binCount[b] == 0) {
                continue;
            }
            double lo = (double) b / bins;
            double hi = (double) (b + 1) / bins;
            // one rectangle per bin, joined along the baseline so a single polygon draws all bars
            addPoint(barX, barY, lo, 0);
            addPoint(barX, barY, lo, binAccuracy[b]);
            addPoint(barX, barY, hi, binAccuracy[b]);
            addPoint(barX, barY, hi, 0);
            addPoint(pointX, pointY, binConfidence[b], binAccuracy[b]);
        }
        ChartFiles.headless();
        XYChart chart = new XYChartBuilder().width(600).height(600).title(title).xAxisTitle("Confidence")
                .yAxisTitle("Accuracy").build();
        ChartFiles.style(chart.getStyler());
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        Color blue = ChartFiles.color(0);
        if (!barX.isEmpty()) {
            XYSeries bars = chart.addSeries("Accuracy per bin", barX, barY);
            bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            bars.setFillColor(ChartFiles.translucent(blue, 110));
            bars.setLineColor(blue);
            bars.setMarker(SeriesMarkers.NONE);
            XYSeries points = chart.addSeries("Mean confidence", pointX, pointY);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.DIAMOND);
            points.setMarkerColor(ChartFiles.color(1));
        }
        XYSeries diagonal = chart.addSeries("Perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        diagonal.setLineColor(Color.DARK_GRAY);
        diagonal.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        diagonal.setMarker(SeriesMarkers.NONE);
        ChartFiles.save(chart, png);
    }

    private static void addPoint(List<Double> xs, List<Double> ys, double x, double y) {
        xs.add(x);
        ys.add(y);
    }
}
