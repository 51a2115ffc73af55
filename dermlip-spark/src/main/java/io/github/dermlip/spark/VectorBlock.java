package io.github.dermlip.spark;

import io.github.dermlip.core.api.Embeddings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Up to a few thousand unit-norm embeddings with their ids: the unit of the blocked cross join in
 * {@link NearestNeighbours}, so that a pair of blocks is one task of plain loops rather than a row per pair.
 *
 * @param ids row ids
 * @param vectors the L2-normalized embeddings, one per id
 */
record VectorBlock(String[] ids, float[][] vectors) implements Serializable {
    /** Groups a partition's {@code (id, embedding)} rows into blocks of at most {@code size} rows. */
    static Iterator<VectorBlock> group(Iterator<Row> rows, int size) {
        List<VectorBlock> blocks = new ArrayList<>();
        List<String> ids = new ArrayList<>(size);
        List<float[]> vectors = new ArrayList<>(size);
        while (rows.hasNext()) {
            Row row = rows.next();
            ids.add(row.getString(0));
            vectors.add(Embeddings.normalize(FloatArrays.of(row.getList(1))));
            if (ids.size() == size || !rows.hasNext()) {
                blocks.add(new VectorBlock(ids.toArray(String[]::new), vectors.toArray(float[][]::new)));
                ids.clear();
                vectors.clear();
            }
        }
        return blocks.iterator();
    }

    /** Number of rows. */
    int size() {
        return ids.length;
    }

    /** The cosine similarity of this block's row {@code i} and {@code query}. */
    float cosine(int i, float[] query) {
        float[] v = vectors[i];
        float dot = 0;
        for (int d = 0; d < v.length; d++) {
            dot += v[d] * query[d];
        }
        return dot;
    }
}
