package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SmallHeapJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small {@code .bin} files whose deflated {@code data.pkl} inflates to millions of opcodes that build objects
 * without limit: each must end in a {@link CheckpointFormatException} within a second in a 256 MiB heap.
 */
class PickleBombTest {
    /** Opcodes in each bomb: 24 MiB of pickle deflates to a few tens of kilobytes. */
    private static final int REPEATS = 12 << 20;

    @TempDir
    Path tmp;

    @Test
    void bombsFailFastInASmallHeap() throws IOException, InterruptedException {
        List<String> files = new ArrayList<>();
        files.add(bomb("nested-lists", p -> p.repeat(REPEATS, ']').repeat(REPEATS - 1, 'a')));
        files.add(bomb("nested-tuples", p -> p.emptyTuple().repeat(REPEATS, 0x85)));
        files.add(bomb("empty-tuples", p -> p.emptyList().mark().repeat(REPEATS, ')').op('e')));
        files.add(bomb("empty-dicts", p -> p.emptyList().mark().repeat(REPEATS, '}').op('e')));
        files.add(bomb("memo-references", p -> p.emptyList().binPut(0).emptyList().mark().repeatPair(REPEATS, 'h', 0).op('e')));
        files.add(bomb("memo-slots", p -> p.emptyList().repeat(REPEATS, 0x94)));
        files.add(bomb("marks", p -> p.repeat(REPEATS, '(')));
        String output = SmallHeapJvm.run(PickleBombs.class, files, 60);
        assertEquals(files.size(), output.lines().filter(l -> l.startsWith("refused ")).count(), output);
        assertTrue(output.contains("a pickle bomb?"), output);
    }

    private String bomb(String name, Consumer<PickleWriter> body) throws IOException {
        PickleWriter pickle = new PickleWriter().proto(2);
        body.accept(pickle);
        byte[] zip = new ZipBytes().deflated("archive/data.pkl", pickle.stop().toByteArray()).toByteArray();
        assertTrue(zip.length < 128 << 10, name + " is a small file: " + zip.length + " bytes");
        Path file = tmp.resolve(name + ".bin");
        Files.write(file, zip);
        return file.toString();
    }
}
