package io.github.dermlip.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The top-k corpus rows for every query by cosine similarity of their embeddings (say, the nearest captions of
 * every image), for a corpus too big for one machine: a blocked cross join. Both sides are cut into blocks of
 * {@code blockRows} rows within their partitions; every (query block, corpus block) pair is one task that keeps the
 * best k per query; the partial lists are merged per query. Nothing but counts reaches the driver.
 *
 * <p>Output: {@link #QUERY_ID} and {@link #NEIGHBOURS} ({@code array<struct<id: string, score: float>>}, best
 * first, ties broken by id). Rows with a null embedding take no part. Work grows with (query partitions x corpus
 * partitions); repartition the inputs to a few times the cluster's cores first.
 */
public final class NearestNeighbours {
    /** String: the query's id. */
    public static final String QUERY_ID = "query_id";
    /** The best corpus rows, best first. */
    public static final String NEIGHBOURS = "neighbours";

    private static final StructType NEIGHBOUR = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("score", DataTypes.FloatType, false);
    private static final StructType SCHEMA = new StructType()
            .add(QUERY_ID, DataTypes.StringType, false)
            .add(NEIGHBOURS, DataTypes.createArrayType(NEIGHBOUR, false), false);

    private final int k;
    private final int blockRows;

    /**
     * @param k neighbours per query
     * @param blockRows rows per block (a block of 512-wide embeddings takes about 2 KiB a row)
     */
    public NearestNeighbours(int k, int blockRows) {
        if (k < 1 || blockRows < 1) {
            throw new IllegalArgumentException("k and the block size must be at least 1, got " + k + " and "
                    + blockRows);
        }
        this.k = k;
        this.blockRows = blockRows;
    }

    /**
     * Searches {@code corpus} for every query.
     *
     * @param idColumn the id column of both sides (cast to string)
     * @param embeddingColumn the embedding column of both sides
     */
    public Dataset<Row> search(Dataset<Row> queries, Dataset<Row> corpus, String idColumn, String embeddingColumn) {
        JavaRDD<VectorBlock> queryBlocks = blocks(queries, idColumn, embeddingColumn);
        // The cartesian product reads every corpus block once per query partition: keep them rather than
        // recomputing the corpus's lineage each time.
        JavaRDD<VectorBlock> corpusBlocks = blocks(corpus, idColumn, embeddingColumn)
                .persist(StorageLevel.MEMORY_AND_DISK());
        int n = k;
        JavaPairRDD<String, TopNeighbours> partial = queryBlocks.cartesian(corpusBlocks)
                .flatMapToPair(pair -> bestPerQuery(pair._1(), pair._2(), n));
        JavaRDD<Row> rows = partial.reduceByKey(TopNeighbours::merge).map(NearestNeighbours::toRow);
        return queries.sparkSession().createDataFrame(rows, SCHEMA);
    }

    private JavaRDD<VectorBlock> blocks(Dataset<Row> input, String idColumn, String embeddingColumn) {
        Rows.index(input.schema(), idColumn);
        Rows.index(input.schema(), embeddingColumn);
        int size = blockRows;
        return input.where(functions.col(embeddingColumn).isNotNull())
                .select(functions.col(idColumn).cast(DataTypes.StringType), functions.col(embeddingColumn))
                .javaRDD()
                .mapPartitions(rows -> VectorBlock.group(rows, size));
    }

    private static Iterator<Tuple2<String, TopNeighbours>> bestPerQuery(VectorBlock queries, VectorBlock corpus,
            int k) {
        List<Tuple2<String, TopNeighbours>> out = new ArrayList<>(queries.size());
        for (int q = 0; q < queries.size(); q++) {
            float[] query = queries.vectors()[q];
            TopNeighbours top = new TopNeighbours(k);
            for (int c = 0; c < corpus.size(); c++) {
                top.offer(corpus.ids()[c], corpus.cosine(c, query));
            }
            out.add(new Tuple2<>(queries.ids()[q], top));
        }
        return out.iterator();
    }

    private static Row toRow(Tuple2<String, TopNeighbours> entry) {
        List<TopNeighbours.Neighbour> best = entry._2().best();
        Row[] neighbours = new Row[best.size()];
        for (int i = 0; i < neighbours.length; i++) {
            neighbours[i] = RowFactory.create(best.get(i).id(), best.get(i).score());
        }
        return RowFactory.create(entry._1(), Rows.seq(neighbours));
    }
}
