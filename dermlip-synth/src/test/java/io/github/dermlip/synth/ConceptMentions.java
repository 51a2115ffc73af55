package io.github.dermlip.synth;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Finds which concepts a caption names, by whole-word matching of each concept's terms (MONET-style). */
final class ConceptMentions {

    private final Map<String, List<Pattern>> patterns = new LinkedHashMap<>();

    /** @param termsByConcept concept name to its caption terms, as in {@code concept_terms.json} */
    ConceptMentions(Map<String, List<String>> termsByConcept) {
        termsByConcept.forEach((concept, terms) -> patterns.put(concept, terms.stream()
                .map(t -> Pattern.compile("(?<![a-z])" + Pattern.quote(t.toLowerCase(Locale.ROOT)) + "(?![a-z])"))
                .toList()));
    }

    /** Names of the concepts mentioned in {@code caption}, in the map's order. */
    Set<String> in(String caption) {
        String text = caption.toLowerCase(Locale.ROOT);
        Set<String> found = new LinkedHashSet<>();
        patterns.forEach((concept, list) -> {
            if (list.stream().anyMatch(p -> p.matcher(text).find())) {
                found.add(concept);
            }
        });
        return found;
    }
}
