package io.github.dermlip.eval.task;

import io.github.dermlip.core.retrieval.PairRanks;
import io.github.dermlip.eval.data.CaptionedImages;
import io.github.dermlip.eval.metrics.RetrievalMetrics;
import io.github.dermlip.eval.metrics.RetrievalReport;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.stats.Estimate;
import io.github.dermlip.eval.stats.Strata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Image-text retrieval over 1:1 pairs: images and captions are embedded, every image retrieves among all
 * captions and every caption among all images, and open_clip's metrics are reported (R@1/5/10/50/200, mean rank,
 * median rank; see {@link RetrievalMetrics}). Intervals come from a plain (unstratified) bootstrap over the queries
 * of each direction with the gallery held whole, the usual way to put intervals on R@k.
 */
public final class RetrievalTask {
    /** The task name prefix in reports. */
    public static final String TASK = "retrieval";
    /** Images as queries. */
    public static final String IMAGE_TO_TEXT = "image_to_text";
    /** Captions as queries. */
    public static final String TEXT_TO_IMAGE = "text_to_image";

    private final Bootstrap bootstrap;
    private final int[] ks;

    /** A task with the default cut-offs {@link RetrievalMetrics#DEFAULT_KS}. */
    public RetrievalTask(Bootstrap bootstrap) {
        this(bootstrap, RetrievalMetrics.DEFAULT_KS);
    }

    /** A task with custom R@k cut-offs. */
    public RetrievalTask(Bootstrap bootstrap, int[] ks) {
        if (ks.length == 0) {
            throw new IllegalArgumentException("at least one R@k cut-off is needed");
        }
        this.bootstrap = bootstrap;
        this.ks = ks.clone();
    }

    /** Embeds the pairs and scores both directions. */
    public RetrievalResult evaluate(EmbeddingModel model, CaptionedImages data) throws IOException {
        if (data.size() == 0) {
            throw new IllegalArgumentException("dataset '" + data.name() + "' has no image-caption pairs");
        }
        PairRanks ranks = PairRanks.ofEmbeddings(model.encodeImages(data.images()),
                model.encodeTexts(data.captions()));
        RetrievalReport report = RetrievalMetrics.fromRanks(ranks, ks);
        Strata queries = Strata.of(new int[data.size()]);
        Map<String, RowMetrics> rowMetrics = new LinkedHashMap<>();
        Map<String, Map<String, Estimate>> estimates = new LinkedHashMap<>();
        for (String direction : List.of(IMAGE_TO_TEXT, TEXT_TO_IMAGE)) {
            int[] directionRanks = direction.equals(IMAGE_TO_TEXT) ? ranks.imageToText() : ranks.textToImage();
            Map<String, ToDoubleFunction<int[]>> metrics = RankMetrics.of(directionRanks, ks);
            List<String> names = new ArrayList<>(metrics.keySet());
            double[][] distributions = bootstrap.distributions(queries, new ArrayList<>(metrics.values()));
            Map<String, Double> points = report.scalars();
            Map<String, Estimate> directionEstimates = new LinkedHashMap<>();
            for (int m = 0; m < names.size(); m++) {
                double point = points.get(direction + "_" + names.get(m));
                directionEstimates.put(names.get(m), bootstrap.interval(point, distributions[m]));
            }
            estimates.put(direction, directionEstimates);
            rowMetrics.put(direction, new RowMetrics(new int[data.size()], metrics));
        }
        return new RetrievalResult(model.name(), data.name(), report, estimates, rowMetrics, bootstrap);
    }

    /**
     * Scores and writes the report files ({@link RetrievalReportFiles}).
     *
     * @param commandLine the arguments that started the run, for the provenance
     */
    public RetrievalResult run(EmbeddingModel model, CaptionedImages data, Path outDir, List<String> commandLine)
            throws IOException {
        RetrievalResult result = evaluate(model, data);
        RetrievalReportFiles.write(result, outDir, commandLine, model.trainingRun().orElse(null));
        return result;
    }
}
