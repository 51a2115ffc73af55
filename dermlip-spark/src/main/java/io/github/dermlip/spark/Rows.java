package io.github.dermlip.spark;

import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Column lookups, and output rows as the input row with new columns appended (their schema and values). */
final class Rows {
    private Rows() {}

    /** The index of {@code name} in {@code schema}, or an error listing the columns there are. */
    static int index(StructType schema, String name) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("no column '" + name + "'; the columns are "
                    + Arrays.toString(schema.fieldNames()));
        }
        return schema.fieldIndex(name);
    }

    /** {@code input} with {@code added} appended, failing when a name is taken (Spark would make it ambiguous). */
    static StructType append(StructType input, StructField... added) {
        StructType out = input;
        for (StructField field : added) {
            if (Arrays.asList(input.fieldNames()).contains(field.name())) {
                throw new IllegalArgumentException("the input already has a column '" + field.name()
                        + "'; drop or rename it first");
            }
            out = out.add(field);
        }
        return out;
    }

    /** {@code row}'s values followed by {@code added}. */
    static Row append(Row row, Object... added) {
        Object[] values = new Object[row.length() + added.length];
        for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
        }
        System.arraycopy(added, 0, values, row.length(), added.length);
        return RowFactory.create(values);
    }

    /**
     * An {@code array<float>} value as Spark's own rows hold it (a Scala {@code Seq}), so that a function reading
     * the row with {@link Row#getList} works whether or not Spark serialized it in between.
     */
    static scala.collection.Seq<Object> seq(float[] values) {
        return values == null ? null : scala.Predef$.MODULE$.wrapFloatArray(values);
    }

    /** An {@code array<struct>} value as Spark's own rows hold it. */
    static scala.collection.Seq<Row> seq(Row[] values) {
        return scala.Predef$.MODULE$.wrapRefArray(values);
    }

    /** A nullable {@code array<float>} column. */
    static StructField floatArray(String name) {
        return DataTypes.createStructField(name, DataTypes.createArrayType(DataTypes.FloatType, false), true);
    }

    /** A nullable string column. */
    static StructField string(String name) {
        return DataTypes.createStructField(name, DataTypes.StringType, true);
    }
}
