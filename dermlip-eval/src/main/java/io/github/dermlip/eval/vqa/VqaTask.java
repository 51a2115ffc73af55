package io.github.dermlip.eval.vqa;

import io.github.dermlip.eval.data.CaptionedImages;
import io.github.dermlip.eval.data.VqaDataset;
import io.github.dermlip.eval.data.VqaItem;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.stats.Estimate;
import io.github.dermlip.eval.stats.GroupBreakdown;
import io.github.dermlip.eval.stats.GroupReport;
import io.github.dermlip.eval.task.EmbeddingModel;
import io.github.dermlip.eval.task.RetrievalResult;
import io.github.dermlip.eval.task.RetrievalTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Visual question answering scored by a CLIP model, which cannot generate text but can rank texts against an image.
 *
 * <ul>
 *   <li><b>Closed-ended</b> questions ({@link ClosedQuestion}): every candidate answer is embedded as the
 *       {@link PromptForm} says, and the candidate most similar to the image (dot product of normalized embeddings;
 *       the first of equal scores) is the model's answer. Accuracy gets a plain bootstrap interval over questions,
 *       and the same per modality where the data gives one ({@link GroupBreakdown}).</li>
 *   <li><b>Open-ended</b> questions: each image ranks the reference answers of all open-ended questions of the
 *       split, its own answer being the match, exactly as image-to-text retrieval ranks captions
 *       ({@link RetrievalTask}, cut-offs 1, 5, 10): R@k, mean and median rank with intervals. The answers are
 *       ranked as given, without the question.</li>
 * </ul>
 */
public final class VqaTask {
    /** The task name prefix in reports. */
    public static final String TASK = "vqa";
    /** R@k cut-offs of the open-ended questions. */
    static final int[] OPEN_KS = {1, 5, 10};

    private final Bootstrap bootstrap;
    private final PromptForm prompt;

    /** A task resampling with these settings and scoring candidates in this form. */
    public VqaTask(Bootstrap bootstrap, PromptForm prompt) {
        this.bootstrap = bootstrap;
        this.prompt = prompt;
    }

    /** Scores both kinds of question; a kind absent from the data is reported as null. */
    public VqaResult evaluate(EmbeddingModel model, VqaDataset data) throws IOException {
        if (data.size() == 0) {
            throw new IllegalArgumentException("VQA set '" + data.name() + "' has no questions");
        }
        List<VqaItem> closedItems = new ArrayList<>();
        List<ClosedQuestion> closedQuestions = new ArrayList<>();
        List<VqaItem> openItems = new ArrayList<>();
        for (VqaItem item : data.items()) {
            Optional<ClosedQuestion> closed = ClosedQuestion.of(item.question(), item.answer());
            if (closed.isPresent()) {
                closedItems.add(item);
                closedQuestions.add(closed.get());
            } else {
                openItems.add(item);
            }
        }
        ClosedAnswers closed = closedItems.isEmpty() ? null : answer(model, closedItems, closedQuestions);
        RetrievalResult open = openItems.isEmpty() ? null : new RetrievalTask(bootstrap, OPEN_KS).evaluate(model,
                new CaptionedImages(data.name() + "-open", openItems.stream().map(VqaItem::image).toList(),
                        openItems.stream().map(VqaItem::answer).toList()));
        return new VqaResult(model.name(), data.name(), prompt, data.size(), closed, open, bootstrap);
    }

    /**
     * Scores and writes the report files ({@link VqaReportFiles}).
     *
     * @param commandLine the arguments that started the run, for the provenance
     */
    public VqaResult run(EmbeddingModel model, VqaDataset data, Path outDir, List<String> commandLine)
            throws IOException {
        VqaResult result = evaluate(model, data);
        VqaReportFiles.write(result, outDir, commandLine, model.trainingRun().orElse(null));
        return result;
    }

    private ClosedAnswers answer(EmbeddingModel model, List<VqaItem> items, List<ClosedQuestion> questions)
            throws IOException {
        Map<Path, Integer> imageRows = new LinkedHashMap<>();
        Map<String, Integer> textRows = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            imageRows.putIfAbsent(items.get(i).image(), imageRows.size());
            for (String candidate : questions.get(i).candidates()) {
                textRows.putIfAbsent(prompt.text(items.get(i).question(), candidate), textRows.size());
            }
        }
        float[][] images = model.encodeImages(new ArrayList<>(imageRows.keySet()));
        float[][] texts = model.encodeTexts(new ArrayList<>(textRows.keySet()));
        int n = items.size();
        int[] predicted = new int[n];
        boolean[] correct = new boolean[n];
        double chance = 0;
        String[] modalities = new String[n];
        for (int i = 0; i < n; i++) {
            ClosedQuestion question = questions.get(i);
            float[] image = images[imageRows.get(items.get(i).image())];
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < question.candidates().size(); c++) {
                double score = dot(image, texts[textRows.get(prompt.text(items.get(i).question(),
                        question.candidates().get(c)))]);
                if (score > best) {
                    best = score;
                    predicted[i] = c;
                }
            }
            correct[i] = predicted[i] == question.truth();
            chance += 1.0 / question.candidates().size() / n;
            modalities[i] = items.get(i).modality();
        }
        ToDoubleFunction<int[]> accuracy = rows -> {
            int hits = 0;
            for (int row : rows) {
                hits += correct[row] ? 1 : 0;
            }
            return rows.length == 0 ? Double.NaN : (double) hits / rows.length;
        };
        Estimate overall = bootstrap.estimate(new int[n], accuracy);
        GroupReport byModality = new GroupBreakdown(bootstrap).compute(modalities, new int[n], accuracy);
        return new ClosedAnswers(items, questions, predicted, overall, chance, byModality);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += (double) a[d] * b[d];
        }
        return sum;
    }
}
