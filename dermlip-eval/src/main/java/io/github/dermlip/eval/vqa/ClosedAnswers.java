package io.github.dermlip.eval.vqa;

import io.github.dermlip.eval.data.VqaItem;
import io.github.dermlip.eval.stats.Estimate;
import io.github.dermlip.eval.stats.GroupReport;
import java.util.List;

/**
 * How a model answered the closed-ended questions.
 *
 * @param items the closed-ended questions
 * @param questions their candidates and reference answers, one per item
 * @param predicted the index of the candidate the model scored highest, one per item
 * @param accuracy the share answered correctly, with its bootstrap interval over questions
 * @param chance the accuracy of guessing uniformly among each question's candidates (the mean of 1 / candidates)
 * @param byModality accuracy per modality, over the items whose modality is known
 */
public record ClosedAnswers(List<VqaItem> items, List<ClosedQuestion> questions, int[] predicted, Estimate accuracy,
        double chance, GroupReport byModality) {

    /** Checks the lengths and copies. */
    public ClosedAnswers {
        items = List.copyOf(items);
        questions = List.copyOf(questions);
        predicted = predicted.clone();
        if (questions.size() != items.size() || predicted.length != items.size()) {
            throw new IllegalArgumentException("one question and one prediction per item are needed");
        }
    }

    /** The predicted candidate indices (a copy). */
    @Override
    public int[] predicted() {
        return predicted.clone();
    }
}
