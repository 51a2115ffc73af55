package io.github.dermlip.eval.data;

import static io.github.dermlip.eval.data.TestFiles.images;
import static io.github.dermlip.eval.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConceptAndCaptionDatasetsTest {
    @TempDir
    Path root;

    @Test
    void skinConDropsFlaggedRowsAndKeepsConceptOrder() {
        write(root.resolve("annotations_fitzpatrick17k.csv"), """
                ,ImageID,Do not consider this image,Vesicle,Papule,Brown(Hyperpigmentation)
                0,a.jpg,0,1,0,1
                1,b.jpg,1,0,0,0
                2,c.jpg,0,0,1,0
                """);
        images(root.resolve("images"), "a.jpg", "c.jpg");
        ConceptDataset d = SkinConDataset.load(root, LoadOptions.DEFAULT);
        assertEquals(List.of("Vesicle", "Papule", "Brown(Hyperpigmentation)"), d.conceptNames());
        assertEquals(2, d.size());
        assertEquals(List.of(root.resolve("images/a.jpg"), root.resolve("images/c.jpg")), d.images());
        assertTrue(d.has(0, 0) && d.has(0, 2) && d.has(1, 1) && !d.has(1, 0));
        assertArrayEquals(new boolean[] {false, true}, d.conceptColumn(1));
        assertArrayEquals(new int[] {1, 1, 1}, d.positives());
        d.labels()[0][0] = false;
        assertTrue(d.has(0, 0), "labels() hands out a copy");
    }

    @Test
    void skinConNeedsTheFlagColumn() {
        write(root.resolve("skincon.csv"), "ImageID,Papule\na.jpg,1\n");
        DatasetException e = assertThrows(DatasetException.class, () -> SkinConDataset.load(root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("missing columns [Do not consider this image]"), e.getMessage());
        assertTrue(e.getMessage().contains("columns found: [ImageID, Papule]"), e.getMessage());
    }

    @Test
    void skinCapPairsImagesWithEnglishCaptions() {
        write(root.resolve("skincap_v240623.csv"), """
                id,skincap_file_path,ori_file_path,caption_zh,caption_zh_polish,caption_zh_polish_en,disease
                1,1.png,x,zh,zh,"The lesion is a red, scaly plaque.",psoriasis
                2,2.png,x,zh,zh,,eczema
                3,3.png,x,zh,zh,A pigmented macule.,melanoma
                """);
        images(root.resolve("skincap"), "1.png", "2.png", "3.png");
        CaptionedImages d = SkinCapDataset.load(root, LoadOptions.DEFAULT);
        assertEquals(2, d.size());
        assertEquals(List.of("The lesion is a red, scaly plaque.", "A pigmented macule."), d.captions());
        assertEquals(root.resolve("skincap/3.png"), d.images().get(1));
    }

    @Test
    void derm1mUsesPathsRelativeToItsFolder() {
        write(root.resolve("Derm1M_v2_validation.csv"), """
                filename,truncated_caption,label
                youtube/a.png,A nodule on the arm.,x
                pubmed/b.png,Erythematous patches.,y
                """);
        images(root.resolve("youtube"), "a.png");
        images(root.resolve("elsewhere"), "b.png");
        DatasetException e = assertThrows(DatasetException.class, () -> Derm1mDataset.load(root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("derm1m: 1 of 2 images not found") && e.getMessage().contains("[pubmed/b.png]"),
                e.getMessage());
        CaptionedImages d = Derm1mDataset.load(root, LoadOptions.DEFAULT.withMissingImages(MissingImagePolicy.SKIP));
        assertEquals(List.of("A nodule on the arm."), d.captions());
        assertFalse(d.images().isEmpty());
    }
}
