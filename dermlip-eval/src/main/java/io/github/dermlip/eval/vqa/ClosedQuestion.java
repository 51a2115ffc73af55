package io.github.dermlip.eval.vqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-ended question: its candidate answers and which one the reference answer picks.
 *
 * <p>A question is closed-ended when either
 * <ol>
 *   <li>it lists its options after {@code Options:} or {@code Choices:} (case-insensitive), separated by commas,
 *       semicolons, slashes or the word {@code or}, and the reference answer is one of them or begins with one
 *       (the longest such option wins); or</li>
 *   <li>the reference answer's first word is {@code yes} or {@code no} (as in MM-Skin's "Is it contagious?" /
 *       "No, it isn't contagious."), when the candidates are {@code yes} and {@code no}.</li>
 * </ol>
 * Every other question is open-ended. MM-Skin's VQA file marks neither kind, so these rules decide.
 *
 * @param candidates the candidate answers, in the order listed ({@code yes}, {@code no} for rule 2)
 * @param truth the index of the reference answer's candidate
 */
public record ClosedQuestion(List<String> candidates, int truth) {
    /** The yes/no candidates. */
    public static final List<String> YES_NO = List.of("yes", "no");
    private static final Pattern OPTIONS = Pattern.compile("(?i)\\b(?:options|choices)\\s*:\\s*(.+)$");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:[,;/]|\\bor\\b)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_WORD = Pattern.compile("^\\W*(\\w+)");

    /** Checks the truth index and copies the list. */
    public ClosedQuestion {
        candidates = List.copyOf(candidates);
        if (candidates.size() < 2 || truth < 0 || truth >= candidates.size()) {
            throw new IllegalArgumentException("need two or more candidates and a truth among them, got "
                    + candidates + " and " + truth);
        }
    }

    /** The closed form of a question and its reference answer, or empty when the question is open-ended. */
    public static Optional<ClosedQuestion> of(String question, String answer) {
        Matcher listed = OPTIONS.matcher(question.strip());
        if (listed.find()) {
            return fromOptions(listed.group(1), answer);
        }
        Matcher first = FIRST_WORD.matcher(answer);
        if (first.find()) {
            int index = YES_NO.indexOf(first.group(1).toLowerCase(Locale.ROOT));
            if (index >= 0) {
                return Optional.of(new ClosedQuestion(YES_NO, index));
            }
        }
        return Optional.empty();
    }

    /** The reference answer's candidate. */
    public String answer() {
        return candidates.get(truth);
    }

    private static Optional<ClosedQuestion> fromOptions(String list, String answer) {
        List<String> options = new ArrayList<>();
        for (String option : SEPARATOR.split(trimEnd(list))) {
            if (!option.isBlank()) {
                options.add(option.strip());
            }
        }
        String given = normalize(answer);
        int best = -1;
        for (int i = 0; i < options.size(); i++) {
            String option = normalize(options.get(i));
            boolean matches = !option.isEmpty() && given.equals(option)
                    || (!option.isEmpty() && given.startsWith(option)
                            && !Character.isLetterOrDigit(given.charAt(option.length())));
            if (matches && (best < 0 || option.length() > normalize(options.get(best)).length())) {
                best = i;
            }
        }
        return options.size() < 2 || best < 0 ? Optional.empty() : Optional.of(new ClosedQuestion(options, best));
    }

    private static String normalize(String text) {
        return trimEnd(text.strip()).toLowerCase(Locale.ROOT);
    }

    private static String trimEnd(String text) {
        return text.replaceAll("[\\s?.!]+$", "");
    }
}
