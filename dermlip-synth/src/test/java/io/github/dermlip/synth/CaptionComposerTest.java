package io.github.dermlip.synth;

import io.github.dermlip.synth.caption.Caption;
import io.github.dermlip.synth.caption.CaptionComposer;
import io.github.dermlip.synth.caption.CaptionStyle;
import io.github.dermlip.synth.lesion.Concept;
import io.github.dermlip.synth.lesion.Diagnosis;
import io.github.dermlip.synth.lesion.LesionAttributes;
import io.github.dermlip.synth.lesion.LesionColour;
import io.github.dermlip.synth.lesion.LesionSize;
import io.github.dermlip.synth.lesion.Modality;
import io.github.dermlip.synth.lesion.SkinSample;
import io.github.dermlip.synth.lesion.SkinTone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Captions agree with the drawn attributes, follow the style mix and fit in CLIP's 77-token context. */
class CaptionComposerTest {

    private static final int SAMPLES = 3000;
    private static final Pattern SKIN_TYPE = Pattern.compile("\\b(?:type|Fitzpatrick) (I|II|III|IV|V|VI)\\b");
    private static ClipTokenCounter tokens;
    private static ConceptMentions mentions;

    @BeforeAll
    static void setUp() throws Exception {
        tokens = new ClipTokenCounter(SharedData.require("vocab/bpe_simple_vocab_16e6.txt.gz"));
        Map<String, List<String>> terms = new LinkedHashMap<>();
        for (Concept c : Concept.values()) {
            terms.put(c.columnName(), c.terms());
        }
        mentions = new ConceptMentions(terms);
    }

    @Test
    void clinicalAndConceptListCaptionsNameExactlyTheDrawnConcepts() {
        SkinSynthGenerator generator = new SkinSynthGenerator(7, 64);
        Map<CaptionStyle, Integer> styles = new EnumMap<>(CaptionStyle.class);
        int clinical = 0;
        int clinicalWithDiagnosis = 0;
        for (int i = 0; i < SAMPLES; i++) {
            GeneratedSample s = generator.describe(DatasetSplit.PRETRAIN, i);
            Caption caption = s.caption();
            styles.merge(caption.style(), 1, Integer::sum);
            Set<String> named = mentions.in(caption.text());
            Set<String> present = names(s.sample().attributes().concepts());
            if (caption.style() == CaptionStyle.ONTOLOGY) {
                assertTrue(named.isEmpty(), "ontology caption names concepts " + named + ": " + caption.text());
            } else {
                assertEquals(present, named, "concepts named by: " + caption.text());
            }
            if (caption.style() == CaptionStyle.CLINICAL) {
                clinical++;
                if (caption.text().contains(s.sample().diagnosis().label())) {
                    clinicalWithDiagnosis++;
                }
            }
            assertOnlyTrueDiagnosis(s.sample(), caption.text());
        }
        for (CaptionStyle style : CaptionStyle.values()) {
            double share = styles.getOrDefault(style, 0) / (double) SAMPLES;
            assertEquals(style.share(), share, 0.04, "share of " + style);
        }
        double withDiagnosis = clinicalWithDiagnosis / (double) clinical;
        assertTrue(withDiagnosis > 0.6 && withDiagnosis < 0.8,
                "clinical captions naming the diagnosis: " + withDiagnosis);
    }

    @Test
    void ontologyCaptionsPlaceTheDiagnosisInTheOntology() {
        SplittableRandom rng = new SplittableRandom(3);
        for (Diagnosis d : Diagnosis.values()) {
            for (int i = 0; i < 20; i++) {
                SkinSample sample = sample(d, d.profile().sample(rng), Modality.CLINICAL, SkinTone.IV, rng);
                String text = CaptionComposer.compose(sample, CaptionStyle.ONTOLOGY, rng);
                assertTrue(text.contains(d.label()), text);
                assertTrue(text.contains(d.category().adjective()), text);
                assertTrue(text.contains(d.malignancy().adjective()), text);
                assertTrue(text.toLowerCase(Locale.ROOT).contains("clinical") || text.startsWith("Diagnosis"), text);
            }
        }
    }

    @Test
    void sizeSymmetrySkinAndModalityWordsAreTrue() {
        SkinSynthGenerator generator = new SkinSynthGenerator(11, 64);
        for (int i = 0; i < SAMPLES; i++) {
            GeneratedSample s = generator.describe(DatasetSplit.RETRIEVAL, i);
            String text = s.caption().text();
            SkinSample sample = s.sample();
            assertEquals(CaptionStyle.CLINICAL, s.caption().style());
            for (LesionSize size : LesionSize.values()) {
                if (text.contains(" " + size.adjective() + " ")) {
                    assertEquals(sample.attributes().size(), size, text);
                }
            }
            if (text.matches(".*\\bsymmetric(al)?\\b.*")) {
                assertFalse(sample.attributes().asymmetric(), text);
            }
            Matcher type = SKIN_TYPE.matcher(text);
            while (type.find()) {
                assertEquals(sample.tone().label(), type.group(1), text);
            }
            for (SkinTone tone : SkinTone.values()) {
                if (text.contains("on " + tone.description() + " skin")) {
                    assertEquals(sample.tone(), tone, text);
                }
            }
            assertEquals(sample.modality() == Modality.DERMOSCOPIC,
                    text.toLowerCase(Locale.ROOT).contains("dermoscop"), text);
        }
    }

    @Test
    void captionsFitInClipContext() {
        SkinSynthGenerator generator = new SkinSynthGenerator(5, 64);
        int longest = 0;
        for (int i = 0; i < SAMPLES; i++) {
            longest = Math.max(longest, tokens.count(generator.describe(DatasetSplit.PRETRAIN, i).caption().text()));
        }
        // Every combination of colours and structures, asymmetric with an irregular border, every diagnosis.
        SplittableRandom rng = new SplittableRandom(9);
        Diagnosis[] diagnoses = Diagnosis.values();
        LesionColour[] colours = LesionColour.values();
        for (int colourMask = 1; colourMask < 1 << colours.length; colourMask++) {
            EnumSet<LesionColour> set = EnumSet.noneOf(LesionColour.class);
            for (LesionColour c : colours) {
                if ((colourMask & (1 << c.ordinal())) != 0) {
                    set.add(c);
                }
            }
            for (int structures = 0; structures < 32; structures++) {
                LesionAttributes attributes = new LesionAttributes(set, true, true, LesionSize.MEDIUM,
                        (structures & 1) != 0, (structures & 2) != 0, (structures & 4) != 0, (structures & 8) != 0,
                        (structures & 16) != 0);
                for (int repeat = 0; repeat < 3; repeat++) {
                    Diagnosis d = diagnoses[rng.nextInt(diagnoses.length)];
                    Modality modality = rng.nextBoolean() ? Modality.DERMOSCOPIC : Modality.CLINICAL;
                    SkinSample sample = sample(d, attributes, modality, SkinTone.III, rng);
                    for (CaptionStyle style : CaptionStyle.values()) {
                        longest = Math.max(longest, tokens.count(CaptionComposer.compose(sample, style, rng)));
                    }
                }
            }
        }
        assertTrue(longest <= 77, "longest caption has " + longest + " tokens");
        assertTrue(longest > 40, "captions are suspiciously short: " + longest + " tokens");
    }

    @Test
    void sameSeedSameCaption() {
        SkinSynthGenerator a = new SkinSynthGenerator(21, 64);
        SkinSynthGenerator b = new SkinSynthGenerator(21, 64);
        SkinSynthGenerator other = new SkinSynthGenerator(22, 64);
        int differ = 0;
        for (int i = 0; i < 50; i++) {
            assertEquals(a.describe(DatasetSplit.PRETRAIN, i), b.describe(DatasetSplit.PRETRAIN, i));
            if (!a.describe(DatasetSplit.PRETRAIN, i).caption().equals(other.describe(DatasetSplit.PRETRAIN, i)
                    .caption())) {
                differ++;
            }
        }
        assertTrue(differ > 40, "captions barely depend on the seed: " + differ + " of 50 differ");
    }

    private static void assertOnlyTrueDiagnosis(SkinSample sample, String text) {
        for (Diagnosis d : Diagnosis.values()) {
            if (d != sample.diagnosis()) {
                assertFalse(text.contains(d.label()), "caption of " + sample.diagnosis() + " names " + d + ": " + text);
            }
        }
    }

    private static SkinSample sample(Diagnosis d, LesionAttributes attributes, Modality modality, SkinTone tone,
                                     SplittableRandom rng) {
        return new SkinSample(d, tone, modality, attributes, rng.nextLong(), rng.nextLong());
    }

    private static Set<String> names(Set<Concept> concepts) {
        Set<String> names = new LinkedHashSet<>();
        concepts.forEach(c -> names.add(c.columnName()));
        return names;
    }
}
