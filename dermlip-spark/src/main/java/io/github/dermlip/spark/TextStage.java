package io.github.dermlip.spark;

import io.github.dermlip.core.api.DermLip;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Caption batches: tokenizing is cheap, so nothing starts ahead; {@link #finish} embeds the non-null captions. */
final class TextStage implements BatchStage<List<Row>> {
    /** The error of a null caption, worded as every row error is. */
    private static final String NULL_CAPTION = new RowFailure("(null caption)", ErrorCause.NO_TEXT,
            "the caption is null").getMessage();

    private final DermLip model;
    private final int captionIndex;
    private final boolean normalize;

    TextStage(DermLip model, int captionIndex, boolean normalize) {
        this.model = model;
        this.captionIndex = captionIndex;
        this.normalize = normalize;
    }

    @Override
    public List<Row> start(List<Row> batch) {
        return batch;
    }

    @Override
    public List<Row> finish(List<Row> rows) {
        List<String> captions = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (!row.isNullAt(captionIndex)) {
                captions.add(row.getString(captionIndex));
            }
        }
        float[][] embeddings = model.encodeTexts(captions, normalize);
        List<Row> out = new ArrayList<>(rows.size());
        int next = 0;
        for (Row row : rows) {
            out.add(row.isNullAt(captionIndex)
                    ? Rows.append(row, null, NULL_CAPTION, ErrorCause.NO_TEXT.name())
                    : Rows.append(row, Rows.seq(embeddings[next++]), null, null));
        }
        return out;
    }
}
