package io.github.dermlip.demo;

import io.github.dermlip.eval.task.ConceptResult;
import io.github.dermlip.eval.task.LinearProbeResult;
import io.github.dermlip.eval.task.RetrievalResult;
import io.github.dermlip.eval.task.ZeroShotResult;
import io.github.dermlip.train.TrainingSummary;
import java.nio.file.Path;

/**
 * What one demo run produced.
 *
 * @param settings the settings it ran with
 * @param vocabulary the vocabulary it trained with
 * @param training how training ended
 * @param trainSeconds wall time of training
 * @param totalSeconds wall time of the whole demo up to the report
 * @param numClasses number of diagnoses
 * @param zeroShot zero-shot classification on the test split, with the skin-tone breakdown
 * @param linearProbe linear probes at 1, 10 and 100% of the labels
 * @param retrieval image-text retrieval on held-out pairs
 * @param concepts concept annotation on the test split
 * @param out the output folder
 */
public record DemoResult(DemoSettings settings, DemoVocabulary vocabulary, TrainingSummary training,
        double trainSeconds, double totalSeconds, int numClasses, ZeroShotResult zeroShot,
        LinearProbeResult linearProbe, RetrievalResult retrieval, ConceptResult concepts, Path out) {}
