package io.github.dermlip.eval.data;

import static io.github.dermlip.eval.data.TestFiles.images;
import static io.github.dermlip.eval.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseDatasetsTest {
    @TempDir
    Path root;

    @Test
    void ham10000FindsImagesInEitherPart() {
        write(root.resolve("HAM10000_metadata.csv"), """
                lesion_id,image_id,dx,dx_type,age,sex,localization
                HAM_0000118,ISIC_0027419,bkl,histo,80.0,male,scalp
                HAM_0002730,ISIC_0026769,mel,histo,80.0,male,scalp
                HAM_0001466,ISIC_0031633,vasc,consensus,75.0,female,ear
                """);
        images(root.resolve("HAM10000_images_part_1"), "ISIC_0027419.jpg", "ISIC_0026769.jpg");
        images(root.resolve("HAM10000_images_part_2"), "ISIC_0031633.jpg");
        LabeledDataset ham = Ham10000Dataset.load(root, LoadOptions.DEFAULT);
        assertEquals("ham10000", ham.name());
        assertEquals(BuiltinClassLists.HAM10000.labels(), ham.classNames());
        assertArrayEquals(new int[] {2, 4, 6}, ham.labels());
        assertEquals(root.resolve("HAM10000_images_part_2/ISIC_0031633.jpg"), ham.items().get(2).image());
        assertArrayEquals(new String[] {"scalp", "scalp", "ear"}, ham.groupValues("localization"));
        assertNull(ham.items().get(0).split());
    }

    @Test
    void ham10000MissingImagesAreCountedAndNamed() {
        StringBuilder csv = new StringBuilder("lesion_id,image_id,dx\n");
        for (int i = 0; i < 8; i++) {
            csv.append("HAM_").append(i).append(",ISIC_00").append(i).append(",nv\n");
        }
        write(root.resolve("HAM10000_metadata.csv"), csv.toString());
        images(root.resolve("HAM10000_images_part_1"), "ISIC_000.jpg");
        DatasetException e = assertThrows(DatasetException.class, () -> Ham10000Dataset.load(root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("7 of 8 images not found"), e.getMessage());
        assertTrue(e.getMessage().contains("[ISIC_001.jpg, ISIC_002.jpg, ISIC_003.jpg, ISIC_004.jpg, ISIC_005.jpg]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("HAM10000_images_part_1/ or HAM10000_images_part_2/"), e.getMessage());
        LabeledDataset kept = Ham10000Dataset.load(root, LoadOptions.DEFAULT.withMissingImages(MissingImagePolicy.SKIP));
        assertEquals(1, kept.size());
    }

    @Test
    void ham10000BadCodeAndMissingColumnAreNamed() {
        write(root.resolve("HAM10000_metadata.csv"), "image_id,dx\nISIC_1,scc\n");
        DatasetException e = assertThrows(DatasetException.class, () -> Ham10000Dataset.load(root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("data row 1, column 'dx' = 'scc'"), e.getMessage());
        assertTrue(e.getMessage().contains("[akiec, bcc, bkl, df, mel, nv, vasc]"), e.getMessage());
        write(root.resolve("HAM10000_metadata.csv"), "image,diagnosis\nISIC_1,nv\n");
        e = assertThrows(DatasetException.class, () -> Ham10000Dataset.load(root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("HAM10000_metadata.csv: missing columns [image_id, dx]"), e.getMessage());
        assertTrue(e.getMessage().contains("columns found: [image, diagnosis]"), e.getMessage());
    }

    @Test
    void missingMetadataListsTheFolder() {
        images(root, "a.jpg");
        write(root.resolve("notes.txt"), "x");
        DatasetException e = assertThrows(DatasetException.class, () -> Ham10000Dataset.load(root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("expected HAM10000_metadata.csv in " + root), e.getMessage());
        assertTrue(e.getMessage().contains("found: [a.jpg, notes.txt]"), e.getMessage());
        e = assertThrows(DatasetException.class, () -> Ham10000Dataset.load(root.resolve("nope"), LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void padUfesSearchesImagePartFolders() {
        write(root.resolve("metadata.csv"), """
                patient_id,lesion_id,smoke,fitspatrick,region,diagnostic,img_id,biopsed
                PAT_1516,1765,,,ARM,NEV,PAT_1516_1765_530.png,False
                PAT_46,881,False,3.0,NECK,BCC,PAT_46_881_939.png,True
                PAT_1545,1867,,,FACE,MEL,PAT_1545_1867_547.png,True
                PAT_1989,4061,,,CHEST,SEK,PAT_1989_4061_934.png,False
                """);
        images(root.resolve("images/imgs_part_1"), "PAT_1516_1765_530.png", "PAT_46_881_939.png");
        images(root.resolve("images/imgs_part_3"), "PAT_1545_1867_547.png");
        images(root.resolve("images/imgs_part_2/nested"), "PAT_1989_4061_934.png");
        LabeledDataset pad = PadUfes20Dataset.load(root, LoadOptions.DEFAULT);
        assertArrayEquals(new int[] {0, 1, 5, 3}, pad.labels());
        assertEquals(root.resolve("images/imgs_part_2/nested/PAT_1989_4061_934.png"), pad.items().get(3).image());
        assertEquals("3.0", pad.items().get(1).groups().get("fitspatrick"));
        assertEquals(List.of("patient_id", "lesion_id", "fitspatrick", "region"), List.copyOf(pad.groupColumns()));
    }

    @Test
    void fitzpatrickUsesDermlipOrderAndSkinTypeGroups() {
        write(root.resolve("fitzpatrick17k.csv"), """
                md5hash,fitzpatrick_scale,fitzpatrick_centaur,label,nine_partition_label,three_partition_label,qc,url,url_alphanum
                5e82a45bc5d78bd24ae9202d194423f8,3,3,drug induced pigmentary changes,inflammatory,non-neoplastic,,http://x/a.jpg,a
                fa2911a9b13b6f8af79cb700937cc14f,1,1,melanoma,malignant melanoma,malignant,,http://x/b.jpg,b
                aaaa,-1,2,lichen simplex,inflammatory,non-neoplastic,,http://x/c.jpg,c
                """);
        images(root.resolve("finalfitz17k"), "5e82a45bc5d78bd24ae9202d194423f8.jpg", "fa2911a9b13b6f8af79cb700937cc14f.jpg",
                "aaaa.jpg");
        LabeledDataset f17k = Fitzpatrick17kDataset.load(root.resolve("fitzpatrick17k.csv"), LoadOptions.DEFAULT);
        assertEquals(114, f17k.numClasses());
        assertArrayEquals(new int[] {81, 30, 113}, f17k.labels());
        assertEquals(List.of("-1", "1", "3"), f17k.groupLevels("fitzpatrick_scale"));
        assertArrayEquals(new String[] {"non-neoplastic", "malignant", "non-neoplastic"},
                f17k.groupValues("three_partition_label"));
    }

    @Test
    void fitzpatrickUnknownLabelIsNamed() {
        write(root.resolve("fitzpatrick17k.csv"), "md5hash,label\nabc,not a disease\n");
        DatasetException e = assertThrows(DatasetException.class,
                () -> Fitzpatrick17kDataset.load(root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("'label' = 'not a disease'"), e.getMessage());
    }

    @Test
    void ddiReadsMalignancyAndSkinTone() {
        write(root.resolve("ddidiversedermatologyimages/ddi_metadata.csv"), """
                ,DDI_ID,DDI_file,skin_tone,malignant,disease
                0,1,000001.png,56,True,melanoma-in-situ
                1,2,000002.png,12,False,verruca-vulgaris
                """);
        images(root.resolve("ddidiversedermatologyimages"), "000001.png", "000002.png");
        LabeledDataset ddi = DdiDataset.load(root, LoadOptions.DEFAULT);
        assertArrayEquals(new int[] {1, 0}, ddi.labels());
        assertArrayEquals(new String[] {"56", "12"}, ddi.groupValues("skin_tone"));
        assertEquals(List.of("benign", "malignant"), ddi.classNames());
        write(root.resolve("ddidiversedermatologyimages/ddi_metadata.csv"),
                "DDI_file,skin_tone,malignant\n000001.png,56,maybe\n");
        DatasetException e = assertThrows(DatasetException.class, () -> DdiDataset.load(root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("column 'malignant' = 'maybe'"), e.getMessage());
    }

    @Test
    void isic2019ReadsOneHotAndLeavesOutUnknown() {
        write(root.resolve("ISIC_2019_Training_GroundTruth.csv"), """
                image,MEL,NV,BCC,AK,BKL,DF,VASC,SCC,UNK
                ISIC_0000000,0.0,1.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0
                ISIC_0000002,1.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0
                ISIC_0000009,0.0,0.0,0.0,0.0,0.0,0.0,0.0,1.0,0.0
                ISIC_0000010,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,1.0
                """);
        images(root.resolve("ISIC_2019_Training_Input"), "ISIC_0000000.jpg", "ISIC_0000002.jpg", "ISIC_0000009.jpg");
        LabeledDataset isic = Isic2019Dataset.load(root, LoadOptions.DEFAULT);
        assertArrayEquals(new int[] {1, 0, 7}, isic.labels());
        write(root.resolve("ISIC_2019_Training_GroundTruth.csv"), """
                image,MEL,NV,BCC,AK,BKL,DF,VASC,SCC
                ISIC_0000000,1.0,1.0,0.0,0.0,0.0,0.0,0.0,0.0
                """);
        DatasetException e = assertThrows(DatasetException.class, () -> Isic2019Dataset.load(root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("data row 1 (ISIC_0000000): expected exactly one of"), e.getMessage());
        assertTrue(e.getMessage().endsWith("found [MEL, NV]"), e.getMessage());
    }

    @Test
    void isic2020ReadsTargetAndFindsConvertedImages() {
        write(root.resolve("ISIC_2020_Training_GroundTruth.csv"), """
                image_name,patient_id,sex,age_approx,anatom_site_general_challenge,diagnosis,benign_malignant,target
                ISIC_2637011,IP_7279968,male,45.0,head/neck,unknown,benign,0
                ISIC_0149568,IP_0962375,female,55.0,upper extremity,melanoma,malignant,1
                """);
        images(root.resolve("train"), "ISIC_2637011.jpg");
        images(root.resolve("png"), "ISIC_0149568.png");
        LabeledDataset isic = Isic2020Dataset.load(root, LoadOptions.DEFAULT);
        assertArrayEquals(new int[] {0, 1}, isic.labels());
        assertEquals(root.resolve("png/ISIC_0149568.png"), isic.items().get(1).image());
        assertArrayEquals(new String[] {"male", "female"}, isic.groupValues("sex"));
    }

    @Test
    void fixedClassDatasetsRefuseAClassOverride() {
        write(root.resolve("ddi_metadata.csv"), "DDI_file,skin_tone,malignant\n");
        DatasetException e = assertThrows(DatasetException.class,
                () -> DdiDataset.load(root, LoadOptions.DEFAULT.withClassNames(List.of("a", "b"))));
        assertTrue(e.getMessage().contains("fixed class list"), e.getMessage());
    }
}
