package io.github.dermlip.train;

import java.util.Locale;

/** The formats of {@code --dataset-type}, as open_clip's, plus JSON-lines and LLaVA conversation manifests. */
public enum DatasetType {
    /** A CSV or TSV manifest of image paths and captions. */
    CSV,
    /** A JSON-lines manifest of image paths and captions. */
    JSONL,
    /** A LLaVA conversation JSON (MM-Skin's training files), read by {@code LlavaManifestReader}. */
    LLAVA,
    /** WebDataset tar shards ({@code key.jpg} + {@code key.txt}), given as shard patterns. */
    WEBDATASET,
    /**
     * Chosen from the name: {@code .tar} (or a shard pattern) WebDataset, {@code .jsonl}/{@code .ndjson} JSONL,
     * {@code .json} LLaVA, else CSV.
     */
    AUTO;

    /** Parses a {@code --dataset-type} value. */
    public static DatasetType parse(String name) {
        for (DatasetType type : values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("--dataset-type must be csv, jsonl, llava, webdataset or auto, found '"
                + name + "'");
    }

    /** This type, or for {@link #AUTO} the type the data's name implies. */
    public DatasetType resolve(String data) {
        if (this != AUTO) {
            return this;
        }
        String lower = data.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tar") || lower.contains("::") || lower.contains("{")) {
            return WEBDATASET;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSONL;
        }
        if (lower.endsWith(".json")) {
            return LLAVA;
        }
        return CSV;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
