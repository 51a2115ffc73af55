package io.github.dermlip.spark;

import io.github.dermlip.core.api.DermLip;
import java.util.Iterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Embeds captions on Spark: every row gains the {@link EmbeddingColumns}; a null caption gives a null embedding
 * and a {@link ErrorCause#NO_TEXT} error. The embeddings are those of {@link DermLip#encodeTexts}.
 */
public final class TextEmbedder {
    private final SparkModel model;

    /** Embeds with {@code model}. */
    public TextEmbedder(SparkModel model) {
        this.model = model;
    }

    /** Embeds the text of each row's {@code captionColumn}. */
    public Dataset<Row> embed(Dataset<Row> input, String captionColumn, boolean normalize) {
        int caption = Rows.index(input.schema(), captionColumn);
        SparkModel spec = model;
        return input.mapPartitions((Iterator<Row> rows) -> rows.hasNext()
                        ? new PrefetchingBatches<>(rows, spec.batchSize(),
                                new TextStage(ExecutorModels.model(spec), caption, normalize))
                        : rows,
                Encoders.row(EmbeddingColumns.append(input.schema())));
    }
}
