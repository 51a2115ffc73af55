package io.github.dermlip.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the loss and learning-rate curves of a run from its {@code results.jsonl} into one PNG, loss on the left
 * and learning rate on the right, over the optimizer step. When a resumed run logged a step twice, the later line
 * wins.
 */
public final class TrainingCurvePlot {
    /** File name inside the run's {@code plots} folder. */
    public static final String FILE_NAME = "training_curves.png";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;

    private TrainingCurvePlot() {}

    /**
     * Writes {@code plots/training_curves.png} under {@code runDirectory}.
     *
     * @return the file, or null when the log has no training line yet
     */
    public static Path write(Path runDirectory, List<JsonNode> results) throws IOException {
        Map<Long, double[]> byStep = new TreeMap<>();
        for (JsonNode r : results) {
            if ("train".equals(r.path("type").asText()) && r.has("step") && r.has("loss") && r.has("lr")) {
                byStep.put(r.get("step").asLong(), new double[] {r.get("loss").asDouble(), r.get("lr").asDouble()});
            }
        }
        if (byStep.isEmpty()) {
            return null;
        }
        double[] steps = new double[byStep.size()];
        double[] loss = new double[steps.length];
        double[] lr = new double[steps.length];
        int i = 0;
        for (Map.Entry<Long, double[]> e : byStep.entrySet()) {
            steps[i] = e.getKey();
            loss[i] = e.getValue()[0];
            lr[i] = e.getValue()[1];
            i++;
        }
        XYChart lossChart = chart("Training loss", "loss", "loss", steps, loss);
        XYChart lrChart = chart("Learning rate", "learning rate", "lr", steps, lr);
        Path file = runDirectory.resolve("plots").resolve(FILE_NAME);
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(List.of(lossChart, lrChart), 1, 2, out,
                BitmapEncoder.BitmapFormat.PNG));
        return file;
    }

    private static XYChart chart(String title, String yTitle, String series, double[] x, double[] y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("step")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(series, x, y).setMarker(SeriesMarkers.NONE);
        return chart;
    }
}
