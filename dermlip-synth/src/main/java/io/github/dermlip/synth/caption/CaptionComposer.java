package io.github.dermlip.synth.caption;

import io.github.dermlip.synth.lesion.Concept;
import io.github.dermlip.synth.lesion.Diagnosis;
import io.github.dermlip.synth.lesion.LesionAttributes;
import io.github.dermlip.synth.lesion.LesionColour;
import io.github.dermlip.synth.lesion.LesionSize;
import io.github.dermlip.synth.lesion.Modality;
import io.github.dermlip.synth.lesion.SkinSample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Writes captions for a {@link SkinSample} in the three Derm1M styles with varied wording. Concepts are only ever
 * named through {@link Concept#terms()}, and clinical and concept-list captions name every concept the lesion shows
 * and no other, so captions agree with the pixels and with {@code concepts.csv}. Captions stay well below CLIP's
 * 77-token context.
 */
public final class CaptionComposer {

    private static final Concept[] COLOUR_CONCEPTS = {Concept.BROWN, Concept.BLACK, Concept.BLUE, Concept.ERYTHEMA,
        Concept.SALMON, Concept.WHITE};
    private static final Concept[] STRUCTURE_CONCEPTS = {Concept.PIGMENT_NETWORK, Concept.DOTS_GLOBULES,
        Concept.TELANGIECTASIA, Concept.SCALE, Concept.CRUST};
    private static final String[] DERMOSCOPIC_OPENERS = {"Dermoscopic image of", "Dermoscopy of",
        "Dermoscopic view showing", "Close-up dermoscopy of"};
    private static final String[] CLINICAL_OPENERS = {"Clinical photo of", "Photograph of", "Clinical image showing",
        "Close-up photo of"};
    private static final String[] REGULAR_BORDERS = {"a regular border", "a smooth border", "well-defined borders"};
    private static final String[] DIAGNOSIS_LINKS = {", suggestive of ", ", consistent with ", ", typical of "};
    private static final double CLINICAL_DIAGNOSIS_SHARE = 0.7;
    private static final String VEIL = "veil";
    private static final int TERSE_FINDINGS = 5;

    private CaptionComposer() {
    }

    /** The pretraining caption of a sample: style and wording drawn from its caption seed. */
    public static Caption compose(SkinSample sample) {
        SplittableRandom rng = new SplittableRandom(sample.captionSeed());
        CaptionStyle style = CaptionStyle.pick(rng.nextDouble());
        return new Caption(compose(sample, style, rng), style);
    }

    /** A caption of the given style; the wording comes from {@code rng}. */
    public static String compose(SkinSample sample, CaptionStyle style, RandomGenerator rng) {
        return switch (style) {
            case CLINICAL -> clinical(sample, rng);
            case ONTOLOGY -> ontology(sample, rng);
            case CONCEPT_LIST -> conceptList(sample, rng);
        };
    }

    private static String clinical(SkinSample sample, RandomGenerator rng) {
        LesionAttributes a = sample.attributes();
        boolean dermoscopic = sample.modality() == Modality.DERMOSCOPIC;
        boolean veil = a.has(LesionColour.BLUE_GREY) && rng.nextDouble() < 0.3;
        int findings = veil ? 1 : 0;
        for (Concept concept : Concept.values()) {
            if (concept.isPresentIn(a) && concept != Concept.ASYMMETRY && concept != Concept.IRREGULAR_BORDER
                    && !(veil && concept == Concept.BLUE)) {
                findings++;
            }
        }
        // Lesions with many findings are described tersely so that every finding fits in CLIP's context.
        boolean terse = findings >= TERSE_FINDINGS;
        StringBuilder text = new StringBuilder();
        if (terse) {
            text.append(dermoscopic ? "Dermoscopy of" : "Clinical photo of");
        } else {
            text.append(pick(dermoscopic ? DERMOSCOPIC_OPENERS : CLINICAL_OPENERS, rng));
        }
        List<String> adjectives = new ArrayList<>(2);
        if (!terse && rng.nextDouble() < 0.8) {
            adjectives.add(a.size().adjective());
        }
        adjectives.add(a.asymmetric() ? term(Concept.ASYMMETRY, terse, rng)
                : (rng.nextBoolean() ? "symmetric" : "symmetrical"));
        text.append(' ').append(article(adjectives.get(0))).append(' ').append(String.join(" ", adjectives));
        text.append(' ').append(lesionNoun(a, rng)).append(" with ");
        List<String> clauses = new ArrayList<>();
        if (a.irregularBorder()) {
            String border = term(Concept.IRREGULAR_BORDER, terse, rng);
            clauses.add(article(border) + " " + border);
        } else {
            clauses.add(pick(REGULAR_BORDERS, rng));
        }
        List<String> colours = new ArrayList<>();
        for (Concept colour : COLOUR_CONCEPTS) {
            if (colour.isPresentIn(a) && !(veil && colour == Concept.BLUE)) {
                colours.add(terse ? colour.terms().get(0) : pickColourWord(colour, rng));
            }
        }
        if (!colours.isEmpty()) {
            clauses.add(terse ? joinAnd(colours) + " colours" : colourClause(colours, rng));
        }
        if (veil) {
            clauses.add("a " + Concept.BLUE.terms().stream().filter(t -> t.endsWith(VEIL)).findFirst()
                    .orElseThrow());
        }
        List<String> structures = new ArrayList<>();
        for (Concept structure : STRUCTURE_CONCEPTS) {
            if (structure.isPresentIn(a)) {
                structures.add(withArticle(term(structure, terse, rng)));
            }
        }
        shuffle(structures, rng);
        clauses.addAll(structures);
        text.append(joinAnd(clauses));
        if (rng.nextDouble() < 0.75) {
            text.append(terse ? " on type " + sample.tone().label() + " skin" : skinPhrase(sample, rng));
        }
        if (rng.nextDouble() < CLINICAL_DIAGNOSIS_SHARE) {
            Diagnosis d = sample.diagnosis();
            if (terse || rng.nextDouble() < 0.25) {
                text.append(". Diagnosis: ").append(d.label());
            } else {
                text.append(pick(DIAGNOSIS_LINKS, rng)).append(d.withArticle());
            }
        }
        return text.append('.').toString();
    }

    /** The canonical term of a concept when terse, else a random one. */
    private static String term(Concept concept, boolean terse, RandomGenerator rng) {
        return terse ? concept.terms().get(0) : pick(concept.terms(), rng);
    }

    private static String ontology(SkinSample sample, RandomGenerator rng) {
        Diagnosis d = sample.diagnosis();
        String modality = sample.modality().adjective();
        String category = d.category().adjective();
        String malignancy = d.malignancy().adjective();
        String text = switch (rng.nextInt(4)) {
            case 0 -> "This is a " + modality + " skin photo diagnosed as " + d.label() + ", "
                    + article(category) + " " + category + " " + malignancy + " lesion.";
            case 1 -> capitalise(modality) + " image of " + d.label() + ", which belongs to the " + malignancy
                    + " " + category + " lesions.";
            case 2 -> "Diagnosis: " + d.label() + ". Category: " + category + " lesion, " + malignancy + ".";
            default -> "A " + modality + " photo of " + d.withArticle() + ", " + article(malignancy) + " "
                    + malignancy + " " + category + " condition.";
        };
        if (rng.nextDouble() < 0.3) {
            text += " Skin type " + sample.tone().label() + ".";
        }
        return text;
    }

    private static String conceptList(SkinSample sample, RandomGenerator rng) {
        LesionAttributes a = sample.attributes();
        List<String> items = new ArrayList<>();
        if (rng.nextDouble() < 0.6) {
            items.add(a.size().adjective());
        }
        items.add(a.asymmetric() ? Concept.ASYMMETRY.terms().get(0) : "symmetric");
        items.add(a.irregularBorder() ? Concept.IRREGULAR_BORDER.terms().get(0) : "regular border");
        for (Concept concept : Concept.values()) {
            if (concept != Concept.ASYMMETRY && concept != Concept.IRREGULAR_BORDER && concept.isPresentIn(a)) {
                items.add(concept.terms().get(0));
            }
        }
        if (rng.nextDouble() < 0.5) {
            shuffle(items, rng);
        }
        StringBuilder text = new StringBuilder(sample.modality().heading()).append(": ")
                .append(String.join(", ", items)).append('.');
        if (rng.nextDouble() < 0.4) {
            text.append(" Fitzpatrick ").append(sample.tone().label()).append('.');
        }
        return text.toString();
    }

    private static String lesionNoun(LesionAttributes a, RandomGenerator rng) {
        if (rng.nextDouble() < 0.6) {
            return "lesion";
        }
        if (a.size() == LesionSize.LARGE) {
            return a.scale() ? "plaque" : "patch";
        }
        return a.size() == LesionSize.SMALL ? "spot" : "growth";
    }

    private static String colourClause(List<String> colours, RandomGenerator rng) {
        String list = joinAnd(colours);
        return switch (rng.nextInt(3)) {
            case 0 -> list + (colours.size() == 1 ? " colour" : " colours");
            case 1 -> "areas of " + list;
            default -> "shades of " + list;
        };
    }

    private static String skinPhrase(SkinSample sample, RandomGenerator rng) {
        return switch (rng.nextInt(3)) {
            case 0 -> " on " + sample.tone().description() + " skin";
            case 1 -> " on Fitzpatrick type " + sample.tone().label() + " skin";
            default -> " in a patient with skin type " + sample.tone().label();
        };
    }

    /** A term of a colour concept that names a colour (not the blue-grey veil, which is a structure). */
    private static String pickColourWord(Concept concept, RandomGenerator rng) {
        List<String> words = new ArrayList<>();
        for (String term : concept.terms()) {
            if (!term.endsWith(VEIL)) {
                words.add(term);
            }
        }
        return pick(words, rng);
    }

    private static String withArticle(String term) {
        return term.endsWith("network") || term.endsWith("surface") ? "a " + term : term;
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String joinAnd(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static <T> void shuffle(List<T> items, RandomGenerator rng) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T tmp = items.get(i);
            items.set(i, items.get(j));
            items.set(j, tmp);
        }
    }

    private static String pick(String[] options, RandomGenerator rng) {
        return options[rng.nextInt(options.length)];
    }

    private static String pick(List<String> options, RandomGenerator rng) {
        return options.get(rng.nextInt(options.size()));
    }
}
