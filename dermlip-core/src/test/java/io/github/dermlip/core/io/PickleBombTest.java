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
 * Small {@code .bin} files whose deflated {@code data.pkl} inflates to a great many opcodes that would build objects
 * without limit: each must end in a {@link CheckpointFormatException} within a second in a 256 MiB heap, refused by
 * the unpickler's budget or, for a larger bomb, by the inflation limit on {@code data.pkl}.
 */
class PickleBombTest {
    /** Opcodes in each bomb: under a megabyte of pickle, which deflates to about a kilobyte. */
    private static final int REPEATS = 400_000;

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
        // The size of the reported bomb, 65 KB, whose budget is larger: 1.5 M memo references against it.
        Path sized = tmp.resolve("memo-references-65k.bin");
        byte[] references = new PickleWriter().proto(2).emptyList().binPut(0).emptyList().mark()
                .repeatPair(1_500_000, 'h', 0).op('e').stop().toByteArray();
        Files.write(sized, new ZipBytes().deflated("archive/data.pkl", references).stored("archive/padding", new byte[60_000])
                .toByteArray());
        assertTrue(Files.size(sized) > 60_000 && Files.size(sized) < 70_000, "65 KB: " + Files.size(sized));
        files.add(sized.toString());
        // 24 MiB of pickle in a 25 KB archive whose zip headers claim 100 bytes: inflation stops at the limit.
        byte[] huge = new PickleWriter().proto(2).emptyList().mark().repeat(24 << 20, '}').op('e').stop().toByteArray();
        Path lying = tmp.resolve("inflation.bin");
        Files.write(lying, new ZipBytes().raw("archive/data.pkl", true, ZipBytes.deflate(huge), 100, ZipBytes.crc(huge))
                .toByteArray());
        files.add(lying.toString());
        String output = SmallHeapJvm.run(PickleBombs.class, files, 60);
        System.out.print(output); // the timings and messages, for the build log
        assertEquals(files.size(), output.lines().filter(l -> l.startsWith("refused ")).count(), output);
        assertEquals(files.size() - 1, output.lines().filter(l -> l.endsWith("(a pickle bomb?)")).count(), output);
        assertTrue(output.contains("archive/data.pkl inflates to more than the limit of"), output);
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
