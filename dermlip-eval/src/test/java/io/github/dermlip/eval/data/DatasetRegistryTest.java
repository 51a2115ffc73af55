package io.github.dermlip.eval.data;

import static io.github.dermlip.eval.data.TestFiles.images;
import static io.github.dermlip.eval.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRegistryTest {
    @TempDir
    Path root;

    @Test
    void namesCoverEveryLoader() {
        assertEquals(List.of("ham10000", "pad-ufes-20", "fitzpatrick17k", "ddi", "isic2019", "isic2020", "skincon",
                "skincap", "derm1m", "mmskin", "csv", "imagefolder"), DatasetRegistry.names());
    }

    @Test
    void dispatchesByNameAndByCsvPath() {
        write(root.resolve("ddi_metadata.csv"), "DDI_file,skin_tone,malignant\n000001.png,34,FALSE\n");
        images(root, "000001.png");
        assertInstanceOf(LabeledDataset.class, DatasetRegistry.load("DDI", root));
        Path csv = write(root.resolve("my.csv"), "image_path,label\n000001.png,nevus\n");
        LabeledDataset fromPath = DatasetRegistry.loadLabeled(csv.toString(), null, LoadOptions.DEFAULT);
        assertEquals(List.of("nevus"), fromPath.classNames());
        LabeledDataset fromName = DatasetRegistry.loadLabeled("csv", csv, LoadOptions.DEFAULT);
        assertEquals(fromPath, fromName);
    }

    @Test
    void explainsUnknownNamesAndWrongKinds() {
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetRegistry.load("imagenet", root));
        assertTrue(e.getMessage().contains("unknown dataset 'imagenet'") && e.getMessage().contains("skincon"),
                e.getMessage());
        write(root.resolve("skincon.csv"), "ImageID,Do not consider this image,Papule\n");
        e = assertThrows(DatasetException.class, () -> DatasetRegistry.loadLabeled("skincon", root, LoadOptions.DEFAULT));
        assertTrue(e.getMessage().contains("concept annotation dataset"), e.getMessage());
        e = assertThrows(DatasetException.class, () -> DatasetRegistry.load(root.resolve("absent.csv").toString(), null));
        assertTrue(e.getMessage().contains("no such CSV file"), e.getMessage());
    }
}
