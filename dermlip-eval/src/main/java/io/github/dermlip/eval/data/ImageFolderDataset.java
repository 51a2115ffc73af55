package io.github.dermlip.eval.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One subfolder per class (torchvision's ImageFolder): class names are the subfolder names sorted, and every image
 * file below a class folder (at any depth, in path order) belongs to that class. Hidden folders are ignored.
 */
public final class ImageFolderDataset {

    private ImageFolderDataset() {}

    /** Loads the images below {@code root}. */
    public static LabeledDataset load(Path root, LoadOptions options) {
        ReleaseFiles.rejectClassNames("imagefolder", options);
        if (!Files.isDirectory(root)) {
            throw new DatasetException("imagefolder: " + root + " is not a folder; expected one subfolder per class");
        }
        List<Path> classDirs = classFolders(root);
        if (classDirs.isEmpty()) {
            throw new DatasetException("imagefolder: " + root + " has no class subfolders");
        }
        List<String> classNames = new ArrayList<>();
        List<LabeledImage> items = new ArrayList<>();
        for (int label = 0; label < classDirs.size(); label++) {
            Path dir = classDirs.get(label);
            classNames.add(dir.getFileName().toString());
            List<Path> images = imagesBelow(dir);
            if (images.isEmpty()) {
                throw new DatasetException("imagefolder: class folder " + dir + " holds no image files (extensions "
                        + ImageLocator.IMAGE_EXTENSIONS + ")");
            }
            for (Path image : images) {
                items.add(new LabeledImage(image, label, null, null));
            }
        }
        Path name = root.toAbsolutePath().normalize().getFileName();
        return new LabeledDataset(name == null ? "imagefolder" : name.toString(), classNames, items);
    }

    private static List<Path> classFolders(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static List<Path> imagesBelow(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(ImageLocator::isImageFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
