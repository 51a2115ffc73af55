package io.github.dermlip.eval.data;

import static io.github.dermlip.eval.data.TestFiles.images;
import static io.github.dermlip.eval.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericDatasetsTest {
    @TempDir
    Path root;

    @Test
    void csvWithNamedLabelsSplitsAndGroups() {
        Path csv = write(root.resolve("meta/derm.csv"), """
                image_path,label,split,skin_tone
                img/a.jpg,melanoma,train,12
                img/b.jpg,nevus,test,56
                "img/c, quoted.jpg",melanoma,test,34
                """);
        images(root.resolve("meta/img"), "a.jpg", "b.jpg", "c, quoted.jpg");
        LabeledDataset d = CsvDataset.load(csv, LoadOptions.DEFAULT);
        assertEquals("derm", d.name());
        assertEquals(List.of("melanoma", "nevus"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 0}, d.labels());
        assertEquals(root.resolve("meta/img/c, quoted.jpg"), d.items().get(2).image());
        LabeledDataset test = d.filter("test");
        assertEquals(2, test.size());
        assertArrayEquals(new String[] {"56", "34"}, test.groupValues("skin_tone"));
        assertEquals(java.util.Set.of("train", "test"), d.splits());
    }

    @Test
    void csvWithIntegerLabelsAndExplicitClassOrder() {
        Path csv = write(root.resolve("zs.csv"), "image_path,label\na.jpg,2\nb.jpg,0\n");
        images(root, "a.jpg", "b.jpg");
        LabeledDataset byIndex = CsvDataset.load(csv, LoadOptions.DEFAULT);
        assertEquals(List.of("0", "1", "2"), byIndex.classNames());
        assertArrayEquals(new int[] {2, 0}, byIndex.labels());
        List<String> ham = List.of("akiec", "bcc", "bkl");
        LabeledDataset named = CsvDataset.load(csv, LoadOptions.DEFAULT.withClassNames(ham));
        assertEquals(ham, named.classNames());
        assertArrayEquals(new int[] {2, 0}, named.labels());
        Path byName = write(root.resolve("names.csv"), "image_path,label\na.jpg,BKL\nb.jpg,melanoma\n");
        DatasetException e = assertThrows(DatasetException.class,
                () -> CsvDataset.load(byName, LoadOptions.DEFAULT.withClassNames(ham)));
        assertTrue(e.getMessage().contains("data row 2: label 'melanoma'"), e.getMessage());
    }

    @Test
    void csvRelativePathsAreNotSearchedElsewhere() {
        Path csv = write(root.resolve("x.csv"), "image_path,label\ntrain/a.jpg,0\n");
        images(root.resolve("val"), "a.jpg");
        DatasetException e = assertThrows(DatasetException.class, () -> CsvDataset.load(csv, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("1 of 1 images not found") && e.getMessage().contains("[train/a.jpg]"),
                e.getMessage());
        DatasetException columns = assertThrows(DatasetException.class, () -> CsvDataset.load(
                write(root.resolve("y.csv"), "filename,caption\na.jpg,x\n"), LoadOptions.DEFAULT));
        assertTrue(columns.getMessage().contains("missing columns [image_path, label]")
                && columns.getMessage().contains("columns found: [filename, caption]"), columns.getMessage());
    }

    @Test
    void imageFolderSortsClassFolders() {
        images(root.resolve("nevus"), "1.jpg", "2.PNG", "notes.txt");
        images(root.resolve("melanoma/sub"), "3.jpeg");
        images(root.resolve(".cache"), "x.jpg");
        LabeledDataset d = ImageFolderDataset.load(root, LoadOptions.DEFAULT);
        assertEquals(List.of("melanoma", "nevus"), d.classNames());
        assertArrayEquals(new int[] {0, 1, 1}, d.labels());
        assertArrayEquals(new int[] {1, 2}, d.classCounts());
        images(root.resolve("empty"), "readme.md");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderDataset.load(root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("empty") && e.getMessage().contains("holds no image files"), e.getMessage());
    }

    @Test
    void mmSkinParsesListLiterals() {
        Path csv = write(root.resolve("Dataframe/HAM10000_test.csv"), """
                image,atributes,categories
                HAM10000/ISIC_0034524.jpg,[],['Nevus']
                HAM10000/ISIC_0034526.jpg,[],['Benign Keratosis']
                HAM10000/ISIC_0034527.jpg,[],"['Melanoma']"
                """);
        images(root.resolve("Dataset/HAM10000"), "ISIC_0034524.jpg", "ISIC_0034526.jpg", "ISIC_0034527.jpg");
        LoadOptions options = LoadOptions.DEFAULT.withImageRoot(root.resolve("Dataset"));
        LabeledDataset sorted = MmSkinDataset.load(csv, options);
        assertEquals("mmskin-HAM10000_test", sorted.name());
        assertEquals(List.of("Benign Keratosis", "Melanoma", "Nevus"), sorted.classNames());
        assertArrayEquals(new int[] {2, 0, 1}, sorted.labels());
        List<String> order = List.of("Actinic Keratoses", "Basal Cell Carcinoma", "Benign Keratosis", "Dermatofibroma",
                "Melanoma", "Nevus", "Vascular lesions");
        assertArrayEquals(new int[] {5, 2, 4}, MmSkinDataset.load(csv, options.withClassNames(order)).labels());
        write(csv, "image,atributes,categories\nx.jpg,[],\"['a', 'b']\"\n");
        DatasetException e = assertThrows(DatasetException.class, () -> MmSkinDataset.load(csv, options));
        assertTrue(e.getMessage().contains("exactly one category, found 2"), e.getMessage());
    }
}
