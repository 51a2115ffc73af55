package io.github.dermlip.eval.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MM-Skin's release layout: classification benchmarks by name, VQA files, images relative to the release folder. */
class MmSkinReleaseTest {
    @TempDir
    Path release;

    @Test
    void aBenchmarkReadsItsSplitFilesWithImagesUnderTheReleaseFolder() {
        TestFiles.images(release, "Patch16/t/a.jpg", "Patch16/t/b.jpg", "Patch16/n/c.jpg", "Patch16/n/d.jpg");
        Path folder = release.resolve("Dataframe/test/classification");
        TestFiles.write(folder.resolve("Patch16_2class_test.csv"), "image,atributes,categories\n"
                + "Patch16/t/a.jpg,[],['tumor']\nPatch16/n/c.jpg,[],['nontumor']\n");
        TestFiles.write(folder.resolve("Patch16_2class_val.csv"), "image,attributes,categories,set\n"
                + "Patch16/t/b.jpg,[],['tumor'],Validation\nPatch16/n/d.jpg,[],\"['nontumor']\",Validation\n");
        TestFiles.write(folder.resolve("HAM10000_test.csv"), "image,atributes,categories\n");

        LabeledDataset data = DatasetRegistry.loadLabeled("mmskin:Patch16_2class", release, LoadOptions.DEFAULT);

        assertEquals("mmskin-Patch16_2class", data.name());
        assertEquals(List.of("nontumor", "tumor"), data.classNames());
        assertEquals(4, data.size());
        assertEquals(release.resolve("Patch16/n/d.jpg"), data.items().get(1).image());
        assertEquals(List.of("validation", "validation", "test", "test"),
                data.items().stream().map(LabeledImage::split).toList());
        LabeledDataset single = DatasetRegistry.loadLabeled("mmskin", folder.resolve("Patch16_2class_test.csv"),
                LoadOptions.DEFAULT);
        assertEquals(release.resolve("Patch16/t/a.jpg"), single.items().get(0).image());

        DatasetException unknown = assertThrows(DatasetException.class,
                () -> DatasetRegistry.load("mmskin:ISIC", release, LoadOptions.DEFAULT));
        assertTrue(unknown.getMessage().contains("[HAM10000, Patch16_2class]"), unknown.getMessage());
        DatasetException folderGiven = assertThrows(DatasetException.class,
                () -> DatasetRegistry.load("mmskin", release, LoadOptions.DEFAULT));
        assertTrue(folderGiven.getMessage().contains("mmskin:<benchmark>"), folderGiven.getMessage());
    }

    @Test
    void vqaErrorsNameTheFileAndTheRowOrRecord() {
        TestFiles.images(release, "dataset/a.png");
        Path csv = TestFiles.write(release.resolve("Dataframe/test/vqa/MM-Skin_test.csv"),
                "image,question,answer\ndataset/a.png,What is it?,A cyst.\ndataset/a.png,,A cyst.\n");
        Path json = TestFiles.write(release.resolve("vqa.json"),
                "[{\"image\": \"dataset/a.png\", \"question\": \"Q\", \"answer\": \"A\"},"
                        + " {\"image\": \"dataset/a.png\"}]");
        Path missing = TestFiles.write(release.resolve("Dataframe/missing.csv"),
                "image,question,answer\ndataset/none.png,What?,That.\n");

        String row = assertThrows(DatasetException.class, () -> MmSkinVqa.load(csv, LoadOptions.DEFAULT)).getMessage();
        String record = assertThrows(DatasetException.class,
                () -> MmSkinVqa.load(json, LoadOptions.DEFAULT)).getMessage();
        String image = assertThrows(DatasetException.class,
                () -> MmSkinVqa.load(missing, LoadOptions.DEFAULT)).getMessage();

        assertTrue(row.contains(csv + ": data row 2, column 'question'"), row);
        assertTrue(record.contains(json + ": record 1 needs a non-empty text 'question'"), record);
        assertTrue(image.contains("none.png"), image);
    }
}
