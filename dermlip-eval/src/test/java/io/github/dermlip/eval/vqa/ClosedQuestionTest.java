package io.github.dermlip.eval.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedQuestionTest {
    @Test
    void listedOptionsAreTheCandidates() {
        ClosedQuestion q = ClosedQuestion.of("Which modality is this? Options: clinical, dermoscopic or pathological?",
                "Dermoscopic.").orElseThrow();

        assertEquals(List.of("clinical", "dermoscopic", "pathological"), q.candidates());
        assertEquals(1, q.truth());
    }

    @Test
    void theLongestOptionTheAnswerBeginsWithWins() {
        ClosedQuestion q = ClosedQuestion.of("What is it? Choices: melanoma; melanoma in situ / nevus",
                "Melanoma in situ, on the back.").orElseThrow();

        assertEquals("melanoma in situ", q.answer());
    }

    @Test
    void yesOrNoAnswersMakeAYesNoQuestion() {
        ClosedQuestion no = ClosedQuestion.of("Is pemphigus vulgaris contagious?",
                "No, pemphigus vulgaris is not contagious.").orElseThrow();
        ClosedQuestion yes = ClosedQuestion.of("Are there other features?", "Yes, there are papules.").orElseThrow();

        assertEquals(ClosedQuestion.YES_NO, no.candidates());
        assertEquals("no", no.answer());
        assertEquals("yes", yes.answer());
    }

    @Test
    void otherQuestionsAreOpenEnded() {
        assertTrue(ClosedQuestion.of("What does the image show?", "The image shows a digital mucous cyst.").isEmpty());
        assertTrue(ClosedQuestion.of("Is it raised?", "Nobody knows.").isEmpty(), "'Nobody' is not 'no'");
        assertTrue(ClosedQuestion.of("Which? Options: a, b", "c").isEmpty(), "an answer outside the options");
    }

    @Test
    void promptFormsBuildTheScoredText() {
        assertEquals("Is it raised? yes", PromptForm.QUESTION_ANSWER.text(" Is it raised? ", "yes"));
        assertEquals("yes", PromptForm.ANSWER.text("Is it raised?", "yes"));
        assertEquals(PromptForm.QUESTION_ANSWER, PromptForm.parse("question-answer"));
    }
}
