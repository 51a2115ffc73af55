package io.github.dermlip.spark;

import ai.djl.modality.Classifications;
import io.github.dermlip.core.api.ZeroShotClassifier;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Zero-shot classification of embedded rows with core's {@link ZeroShotClassifier} (class names put into every
 * template, prompt embeddings averaged per class), built once per executor. Rows gain {@link #LABEL} (the best
 * class), {@link #PROBABILITIES} (in class order; the class names, templates and model are kept in the column's
 * metadata under {@link #CLASSES_METADATA}, {@link #TEMPLATES_METADATA} and {@link #MODEL_METADATA}) and
 * {@link #TOPK}; all three are null where the embedding is.
 */
public final class ZeroShotScorer {
    /** String: the most probable class name. */
    public static final String LABEL = "label";
    /** {@code array<float>}: the softmax over classes. */
    public static final String PROBABILITIES = "probabilities";
    /** {@code array<struct<label: string, probability: double>>}: the best classes, most probable first. */
    public static final String TOPK = "topk";
    /** Metadata key of {@link #PROBABILITIES}: the class names, in probability order. */
    public static final String CLASSES_METADATA = "dermlip.classes";
    /** Metadata key of {@link #PROBABILITIES}: the model reference that scored the rows. */
    public static final String MODEL_METADATA = "dermlip.model";
    /** Metadata key of {@link #PROBABILITIES}: the prompt templates. */
    public static final String TEMPLATES_METADATA = "dermlip.templates";

    private static final StructType TOPK_ENTRY = new StructType()
            .add("label", DataTypes.StringType, false)
            .add("probability", DataTypes.DoubleType, false);

    private final SparkModel model;
    private final List<String> classNames;
    private final List<String> templates;
    private final int topK;

    /**
     * @param topK how many classes {@link #TOPK} lists (at most the number of classes)
     */
    public ZeroShotScorer(SparkModel model, List<String> classNames, List<String> templates, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, got " + topK);
        }
        this.model = model;
        this.classNames = List.copyOf(classNames);
        this.templates = List.copyOf(templates);
        this.topK = Math.min(topK, this.classNames.size());
    }

    /** Scores the {@code embeddingColumn} of every row (normalized or not). */
    public Dataset<Row> score(Dataset<Row> embedded, String embeddingColumn) {
        int embedding = Rows.index(embedded.schema(), embeddingColumn);
        StructType schema = Rows.append(embedded.schema(), Rows.string(LABEL), Rows.floatArray(PROBABILITIES),
                DataTypes.createStructField(TOPK, DataTypes.createArrayType(TOPK_ENTRY, false), true));
        SparkModel spec = model;
        List<String> names = classNames;
        List<String> prompts = templates;
        int k = topK;
        Dataset<Row> scored = embedded.mapPartitions((Iterator<Row> rows) -> {
            if (!rows.hasNext()) {
                return rows;
            }
            ZeroShotClassifier classifier = ExecutorModels.classifier(spec, names, prompts);
            return new MappedRows(rows, row -> score(classifier, row, embedding, k));
        }, Encoders.row(schema));
        // The row encoder drops field metadata, so it is attached to the column afterwards.
        return scored.withColumn(PROBABILITIES, functions.col(PROBABILITIES).as(PROBABILITIES, classMetadata()));
    }

    /** A list kept in a scored column's metadata under {@code key}, empty when absent. */
    public static List<String> metadataList(StructField probabilities, String key) {
        Metadata metadata = probabilities.metadata();
        return metadata.contains(key) ? List.of(metadata.getStringArray(key)) : List.of();
    }

    private Metadata classMetadata() {
        return new MetadataBuilder()
                .putStringArray(CLASSES_METADATA, classNames.toArray(String[]::new))
                .putStringArray(TEMPLATES_METADATA, templates.toArray(String[]::new))
                .putStringArray(MODEL_METADATA, new String[] {model.reference()})
                .build();
    }

    private static Row score(ZeroShotClassifier classifier, Row row, int embeddingIndex, int k) {
        if (row.isNullAt(embeddingIndex)) {
            return Rows.append(row, null, null, null);
        }
        float[] embedding = FloatArrays.of(row.getList(embeddingIndex));
        Classifications classes = classifier.classify(embedding);
        float[] probabilities = classifier.probabilities(new float[][] {embedding})[0];
        List<Classifications.Classification> best = classes.topK(k);
        Row[] top = new Row[best.size()];
        for (int i = 0; i < top.length; i++) {
            top[i] = RowFactory.create(best.get(i).getClassName(), best.get(i).getProbability());
        }
        return Rows.append(row, classes.best().getClassName(), Rows.seq(probabilities), Rows.seq(top));
    }
}
