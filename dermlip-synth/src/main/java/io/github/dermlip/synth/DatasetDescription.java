package io.github.dermlip.synth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.synth.lesion.Concept;
import io.github.dermlip.synth.lesion.Diagnosis;

import java.util.List;
import java.util.Map;

/** Builds the content of {@code dataset.json}: provenance, layout, label counts and chance levels. */
final class DatasetDescription {

    private DatasetDescription() {
    }

    static ObjectNode build(SkinSynthOptions options, Map<DatasetSplit, List<GeneratedSample>> samples) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("name", "SkinSynth");
        root.put("generator", SkinSynthWriter.class.getName());
        root.put("generator_version", SkinSynthWriter.VERSION);
        root.put("seed", options.seed());
        root.put("image_size", options.imageSize());
        root.put("image_format", "png");
        ObjectNode sizes = root.putObject("sizes");
        for (DatasetSplit split : DatasetSplit.values()) {
            sizes.put(split.label(), options.count(split));
        }
        ArrayNode classes = root.putArray("classes");
        ObjectNode ontology = root.putObject("ontology");
        for (Diagnosis d : Diagnosis.values()) {
            classes.add(d.label());
            ObjectNode node = ontology.putObject(d.label());
            node.put("category", d.category().adjective());
            node.put("malignancy", d.malignancy().adjective());
        }
        ArrayNode concepts = root.putArray("concepts");
        for (Concept c : Concept.values()) {
            concepts.add(c.columnName());
        }
        putFiles(root.putObject("files"));
        putKeys(root.putObject("csv_keys"));
        ObjectNode counts = root.putObject("label_counts");
        for (DatasetSplit split : DatasetSplit.values()) {
            ObjectNode perClass = counts.putObject(split.label());
            int[] histogram = labelHistogram(samples.get(split));
            for (Diagnosis d : Diagnosis.values()) {
                perClass.put(d.label(), histogram[d.ordinal()]);
            }
        }
        putChanceLevels(root.putObject("chance_levels"), options, samples.get(DatasetSplit.EVAL_TEST));
        ObjectNode prevalence = root.putObject("concept_prevalence_eval_test");
        List<GeneratedSample> test = samples.get(DatasetSplit.EVAL_TEST);
        for (Concept c : Concept.values()) {
            long present = test.stream().filter(s -> c.isPresentIn(s.sample().attributes())).count();
            prevalence.put(c.columnName(), (double) present / test.size());
        }
        return root;
    }

    private static void putFiles(ObjectNode files) {
        files.put("pretrain", DatasetLayout.PRETRAIN_CSV);
        files.put("eval_train", DatasetLayout.EVAL_TRAIN_CSV);
        files.put("eval_val", DatasetLayout.EVAL_VAL_CSV);
        files.put("eval_test", DatasetLayout.EVAL_TEST_CSV);
        files.put("retrieval", DatasetLayout.RETRIEVAL_CSV);
        files.put("concepts", DatasetLayout.CONCEPTS_CSV);
        files.put("concept_terms", DatasetLayout.CONCEPT_TERMS_JSON);
        files.put("classes", DatasetLayout.CLASSES_TXT);
    }

    private static void putKeys(ObjectNode keys) {
        keys.put("pretrain_image", DatasetLayout.FILENAME);
        keys.put("pretrain_caption", DatasetLayout.TRUNCATED_CAPTION);
        keys.put("pretrain_label", DatasetLayout.DISEASE_LABEL);
        keys.put("eval_image", DatasetLayout.IMAGE_PATH);
        keys.put("eval_label", DatasetLayout.LABEL);
        keys.put("retrieval_image", DatasetLayout.IMAGE_PATH);
        keys.put("retrieval_caption", DatasetLayout.CAPTION);
        keys.put("concept_image", DatasetLayout.IMAGE_ID);
    }

    private static void putChanceLevels(ObjectNode chance, SkinSynthOptions options, List<GeneratedSample> test) {
        int classes = Diagnosis.values().length;
        int[] histogram = labelHistogram(test);
        int majority = 0;
        for (int count : histogram) {
            majority = Math.max(majority, count);
        }
        chance.put("classification_uniform_guess", 1.0 / classes);
        chance.put("classification_majority_eval_test", (double) majority / test.size());
        chance.put("balanced_accuracy", 1.0 / classes);
        int n = options.retrievalPairs();
        chance.put("retrieval_recall_at_1", 1.0 / n);
        chance.put("retrieval_recall_at_5", Math.min(1.0, 5.0 / n));
        chance.put("retrieval_recall_at_10", Math.min(1.0, 10.0 / n));
        chance.put("concept_auc", 0.5);
    }

    private static int[] labelHistogram(List<GeneratedSample> samples) {
        int[] histogram = new int[Diagnosis.values().length];
        for (GeneratedSample s : samples) {
            histogram[s.sample().diagnosis().ordinal()]++;
        }
        return histogram;
    }
}
