package io.github.dermlip.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dermlip.core.api.Embeddings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), true);

    @Test
    void blockedSearchFindsWhatBruteForceFinds() {
        Random random = new Random(7);
        float[][] queries = vectors(random, 30);
        float[][] corpus = vectors(random, 90);
        // A duplicate corpus row ties; ties must rank by id on every run.
        corpus[5] = corpus[4].clone();
        int k = 4;
        List<Row> found = new NearestNeighbours(k, 7)
                .search(rows("q", queries, 3), rows("c", corpus, 4).union(nullRow()), "id", "embedding")
                .orderBy(NearestNeighbours.QUERY_ID).collectAsList();
        assertEquals(queries.length, found.size());
        for (Row row : found) {
            int q = Integer.parseInt(row.getString(0).substring(1));
            float[] query = Embeddings.normalize(queries[q]);
            List<Integer> expected = IntStream.range(0, corpus.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer c) -> -cosine(query, corpus[c]))
                            .thenComparing(c -> String.format("c%03d", c)))
                    .limit(k).toList();
            List<Row> neighbours = row.getList(1);
            assertEquals(k, neighbours.size());
            for (int i = 0; i < k; i++) {
                assertEquals(String.format("c%03d", expected.get(i)), neighbours.get(i).getString(0), "query " + q);
                assertEquals(cosine(query, corpus[expected.get(i)]), neighbours.get(i).getFloat(1));
            }
        }
    }

    private static float cosine(float[] unitQuery, float[] corpusRow) {
        float[] c = Embeddings.normalize(corpusRow);
        float dot = 0;
        for (int d = 0; d < c.length; d++) {
            dot += c[d] * unitQuery[d];
        }
        return dot;
    }

    private static float[][] vectors(Random random, int n) {
        float[][] out = new float[n][16];
        for (float[] row : out) {
            for (int d = 0; d < row.length; d++) {
                row[d] = (float) random.nextGaussian();
            }
        }
        return out;
    }

    private static Dataset<Row> rows(String prefix, float[][] vectors, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            rows.add(RowFactory.create(String.format(prefix + "%03d", i), vectors[i]));
        }
        return SparkTestSession.get().createDataFrame(rows, SCHEMA).repartition(partitions);
    }

    private static Dataset<Row> nullRow() {
        return SparkTestSession.get().createDataFrame(List.of(RowFactory.create("failed", null)), SCHEMA);
    }
}
