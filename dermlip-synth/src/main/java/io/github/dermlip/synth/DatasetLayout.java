package io.github.dermlip.synth;

/** File names and CSV keys of a SkinSynth dataset folder, shared by the writer and its readers. */
public final class DatasetLayout {

    /** Pretraining pairs in Derm1M's CSV layout. */
    public static final String PRETRAIN_CSV = "pretrain.csv";
    /** Labelled images for probe training. */
    public static final String EVAL_TRAIN_CSV = "eval_train.csv";
    /** Labelled images for probe validation. */
    public static final String EVAL_VAL_CSV = "eval_val.csv";
    /** Labelled test images. */
    public static final String EVAL_TEST_CSV = "eval_test.csv";
    /** Held-out image-caption pairs. */
    public static final String RETRIEVAL_CSV = "retrieval.csv";
    /** SkinCon-style 0/1 concept table of the test images. */
    public static final String CONCEPTS_CSV = "concepts.csv";
    /** Concept name to caption terms. */
    public static final String CONCEPT_TERMS_JSON = "concept_terms.json";
    /** Class names in label order, one per line. */
    public static final String CLASSES_TXT = "classes.txt";
    /** Provenance: generator version, seed, sizes, classes, chance levels. */
    public static final String DATASET_JSON = "dataset.json";

    /** Image column of {@code pretrain.csv} (as Derm1M). */
    public static final String FILENAME = "filename";
    /** Caption column of {@code pretrain.csv} (as Derm1M). */
    public static final String TRUNCATED_CAPTION = "truncated_caption";
    /** Diagnosis column of {@code pretrain.csv} (as Derm1M). */
    public static final String DISEASE_LABEL = "disease_label";
    /** Comma-separated concept names of {@code pretrain.csv} (as Derm1M). */
    public static final String SKIN_CONCEPT = "skin_concept";
    /** Fitzpatrick type I..VI. */
    public static final String SKIN_TONE = "skin_tone";
    /** Split column. */
    public static final String SPLIT = "split";
    /** Image column of the evaluation and retrieval CSVs. */
    public static final String IMAGE_PATH = "image_path";
    /** Class-name column of the evaluation CSVs. */
    public static final String LABEL = "label";
    /** Caption column of {@code retrieval.csv}. */
    public static final String CAPTION = "caption";
    /** Image column of {@code concepts.csv} (as SkinCon). */
    public static final String IMAGE_ID = "ImageID";
    /** SkinCon's exclusion flag column in {@link #CONCEPTS_CSV} (always 0: every synthetic image is usable). */
    public static final String DO_NOT_CONSIDER = "Do not consider this image";
    /** {@code dermoscopic} or {@code clinical}. */
    public static final String MODALITY = "modality";
    /** Caption style of a pretraining pair: {@code clinical}, {@code ontology} or {@code concept_list}. */
    public static final String CAPTION_STYLE = "caption_style";
    /** Parent category of the diagnosis in the ontology. */
    public static final String DISEASE_CATEGORY = "disease_category";
    /** {@code benign}, {@code premalignant} or {@code malignant}. */
    public static final String MALIGNANCY = "malignancy";

    private DatasetLayout() {
    }

    /** The labelled-image CSV of an evaluation split. */
    public static String evalCsv(DatasetSplit split) {
        return switch (split) {
            case EVAL_TRAIN -> EVAL_TRAIN_CSV;
            case EVAL_VAL -> EVAL_VAL_CSV;
            case EVAL_TEST -> EVAL_TEST_CSV;
            default -> throw new IllegalArgumentException(split + " is not an evaluation split");
        };
    }
}
