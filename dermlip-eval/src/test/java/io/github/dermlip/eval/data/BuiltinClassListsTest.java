package io.github.dermlip.eval.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.prompts.ClassList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class BuiltinClassListsTest {

    @Test
    void hamAndPadFollowTheirDiagnosisCodes() {
        assertEquals(List.of("actinic keratosis", "basal cell carcinoma", "benign keratosis", "dermatofibroma",
                "melanoma", "nevus", "vascular"), BuiltinClassLists.get("ham10000").labels());
        assertEquals(List.of("nevus", "basal cell carcinoma", "actinic keratosis", "seborrheic keratosis",
                "squamous cell carcinoma", "melanoma"), BuiltinClassLists.get("PAD-UFES-20").labels());
        assertEquals(List.of("vitiligo", "acne", "SJS/TEN", "hyperpigmentation", "nail psoriasis"),
                BuiltinClassLists.get("daffodil").labels());
        assertEquals(List.of("benign", "malignant"), BuiltinClassLists.get("ddi").labels());
        assertEquals(List.of("benign", "malignant"), BuiltinClassLists.get("isic2020").labels());
        assertEquals(8, BuiltinClassLists.get("isic2019").size());
    }

    @Test
    void fitzpatrickHas114DistinctLabelsInDermlipOrder() {
        ClassList f17k = BuiltinClassLists.get("fitzpatrick17k");
        assertEquals(114, f17k.size());
        assertEquals(114, new HashSet<>(f17k.labels()).size());
        assertEquals("dermatofibroma", f17k.label(0));
        assertEquals("psoriasis", f17k.label(1));
        assertEquals("lichen simplex", f17k.label(113));
        assertEquals(30, f17k.indexOf("melanoma"));
        assertTrue(f17k.labels().contains("acquired autoimmune bullous diseaseherpes gestationis"));
        assertTrue(f17k.labels().stream().allMatch(l -> l.equals(l.strip()) && !l.isEmpty()));
    }

    @Test
    void aliasesAndUnknownNames() {
        assertSame(BuiltinClassLists.HAM10000, BuiltinClassLists.get("ham"));
        assertSame(BuiltinClassLists.FITZPATRICK17K, BuiltinClassLists.get("F17K"));
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> BuiltinClassLists.get("mnist"));
        assertTrue(e.getMessage().contains("mnist") && e.getMessage().contains("ham10000"), e.getMessage());
    }

    @Test
    void classListRejectsDuplicatesAndBlanks() {
        assertThrows(IllegalArgumentException.class, () -> new ClassList("x", List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> new ClassList("x", List.of("a", " ")));
        assertThrows(IllegalArgumentException.class, () -> new ClassList("x", List.of()));
    }
}
