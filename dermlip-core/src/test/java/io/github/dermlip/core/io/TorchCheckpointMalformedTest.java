package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken torch.save checkpoints end in a CheckpointFormatException; nothing is ever executed. */
@Timeout(30)
class TorchCheckpointMalformedTest {
    private static final long[] ONE_DIM_2 = {2};
    private static final long[] UNIT_STRIDE = {1};

    @TempDir
    Path tmp;

    private CheckpointFormatException rejects(byte[] file, String... fragments) throws IOException {
        Path p = tmp.resolve("evil.bin");
        Files.write(p, file);
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> StateDict.read(p));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' missing from: " + e.getMessage());
        }
        return e;
    }

    private CheckpointFormatException rejectsPickle(byte[] pickle, String... fragments) throws IOException {
        return rejects(TorchZip.checkpoint(pickle, Map.of("0", TorchZip.f32(1, 2))), fragments);
    }

    private static byte[] validPickle() {
        return TorchZip.singleTensorPickle("w", 2, 0, ONE_DIM_2, UNIT_STRIDE);
    }

    @Test
    void foreignGlobalsAreRefusedBeforeAnythingElseHappens() throws IOException {
        // The classic exploit: os.system('touch pwned') as a state dict value.
        Path marker = tmp.resolve("pwned");
        byte[] osSystem = new PickleWriter().proto(2).emptyDict().str("w")
                .global("os", "system").str("touch " + marker).op(0x85).reduce()
                .setItem().stop().toByteArray();
        rejectsPickle(osSystem, "data.pkl offset", "refusing pickle global os.system");
        assertTrue(Files.notExists(marker));

        byte[] eval = new PickleWriter().proto(4).shortStr("builtins").shortStr("eval").op(0x93)
                .shortStr("__import__('os').system('id')").op(0x85).reduce().stop().toByteArray();
        rejectsPickle(eval, "refusing pickle global builtins.eval");

        byte[] nearMiss = new PickleWriter().proto(2).global("torch", "load").stop().toByteArray();
        rejectsPickle(nearMiss, "refusing pickle global torch.load");
        byte[] storageLookalike = new PickleWriter().proto(2).global("torch", "UntypedStorage").stop().toByteArray();
        rejectsPickle(storageLookalike, "refusing pickle global torch.UntypedStorage");
        byte[] dottedTrick = new PickleWriter().proto(2).global("collections.OrderedDict", "__init__").stop().toByteArray();
        rejectsPickle(dottedTrick, "refusing pickle global collections.OrderedDict.__init__");
    }

    @Test
    void unknownOpcodes() throws IOException {
        rejectsPickle(new PickleWriter().proto(2).emptyDict().op(0x81).stop().toByteArray(),
                "data.pkl offset 3", "unsupported pickle opcode 0x81");
        rejectsPickle(new PickleWriter().proto(2).op('S').raw("'x'\n".getBytes(StandardCharsets.US_ASCII)).stop().toByteArray(),
                "unsupported pickle opcode 0x53 'S'");
        rejectsPickle(new PickleWriter().proto(2).op(0xff).toByteArray(), "unsupported pickle opcode 0xff");
        rejectsPickle(new PickleWriter().proto(6).emptyDict().stop().toByteArray(), "unsupported pickle protocol 6");
    }

    @Test
    void everyTruncationOfAPickleIsRejected() throws IOException {
        byte[] full = validPickle();
        for (int cut = 0; cut < full.length; cut++) {
            CheckpointFormatException e = rejectsPickle(Arrays.copyOf(full, cut), "data.pkl offset");
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("runs past the end")
                    || e.getMessage().contains("not terminated"), e.getMessage());
        }
    }

    @Test
    void malformedPickleStructure() throws IOException {
        rejectsPickle(new PickleWriter().proto(2).binGet(7).stop().toByteArray(), "memo slot 7 is read before it is written");
        rejectsPickle(new PickleWriter().proto(2).setItem().stop().toByteArray(), "stack underflow");
        rejectsPickle(new PickleWriter().proto(2).emptyDict().emptyDict().stop().toByteArray(), "STOP with 2 objects");
        rejectsPickle(new PickleWriter().proto(2).op('t').toByteArray(), "no MARK");
        rejectsPickle(new PickleWriter().proto(2).emptyTuple().str("k").integer(1).setItem().stop().toByteArray(),
                "SETITEM on a tuple, not a dict");
        rejectsPickle(new PickleWriter().proto(2).emptyDict().emptyList().integer(1).setItem().stop().toByteArray(),
                "dict key of type list is not supported");
        rejectsPickle(new PickleWriter().proto(2).op('X').bytes(0xff, 0xff, 0xff, 0x7f).stop().toByteArray(),
                "string of 2147483647 bytes runs past the end");
        rejectsPickle(new PickleWriter().proto(2).op(0x8d).bytes(0, 0, 0, 0, 0, 0, 0, 0x80).toByteArray(),
                "runs past the end of the pickle");
        rejectsPickle(new PickleWriter().proto(2).op(0x8c).bytes(2, 0xc3, 0x28).stop().toByteArray(), "not valid UTF-8");
        rejectsPickle(new PickleWriter().proto(2).emptyList().stop().toByteArray(), "data.pkl holds a list, not a dict of tensors");
        rejectsPickle(new PickleWriter().proto(2).emptyDict().str("epoch").integer(3).setItem().stop().toByteArray(),
                "top-level dict entry 'epoch' is a int, not a tensor");
        rejectsPickle(new PickleWriter().proto(2).global("torch", "FloatStorage").emptyTuple().reduce().stop().toByteArray(),
                "torch.FloatStorage is a storage type and cannot be called");
        rejectsPickle(new PickleWriter().proto(2).emptyTuple().emptyDict().op('b').stop().toByteArray(), "BUILD of a tuple");
    }

    @Test
    void cyclicStructuresNeverRecurse() throws IOException {
        // l = []; l.append(l); {'w': l}: reported by type, never printed.
        byte[] selfList = new PickleWriter().proto(2).emptyDict().str("w").emptyList().binPut(1).binGet(1).op('a')
                .setItem().stop().toByteArray();
        rejectsPickle(selfList, "entry 'w' is a list, not a tensor");
        // The same cycle inside an ignored part of a training checkpoint is harmless.
        byte[] ignored = new PickleWriter().proto(2).emptyDict().mark()
                .str("cycle").emptyList().binPut(1).binGet(1).op('a')
                .str("state_dict").emptyDict().str("w").tensor("FloatStorage", "0", 2, 0, ONE_DIM_2, UNIT_STRIDE).setItem()
                .setItems().stop().toByteArray();
        Path p = tmp.resolve("ok.pt");
        Files.write(p, TorchZip.checkpoint(ignored, Map.of("0", TorchZip.f32(1, 2))));
        assertEquals(2, StateDict.read(p).get("w").numel());
    }

    @Test
    void tensorViewsMustStayInsideTheirStorage() throws IOException {
        rejectsPickle(TorchZip.singleTensorPickle("w", 2, 1, ONE_DIM_2, UNIT_STRIDE),
                "tensor view of storage '0'", "reaches element 2 but the storage holds 2");
        rejectsPickle(TorchZip.singleTensorPickle("w", 2, 0, new long[] {2, 2}, new long[] {2, 1}), "reaches element 3");
        rejectsPickle(TorchZip.singleTensorPickle("w", 2, 0, new long[] {2}, new long[] {1, 1}), "differ in rank");
        rejectsPickle(TorchZip.singleTensorPickle("w", 2, 0, new long[] {3}, new long[] {1L << 62}), "extent overflows 64 bits");
        rejectsPickle(TorchZip.singleTensorPickle("w", 2, 0, new long[] {1L << 31, 1L << 31}, new long[] {1, 1}),
                "more than one Java array can hold");
        byte[] negativeOffset = new PickleWriter().proto(2).emptyDict().str("w")
                .global("torch._utils", "_rebuild_tensor_v2").mark()
                .mark().str("storage").global("torch", "FloatStorage").str("0").str("cpu").integer(2).tuple().op('Q')
                .integer(-1).intTuple(2).intTuple(1).newFalse().emptyDict().tuple().reduce()
                .setItem().stop().toByteArray();
        rejectsPickle(negativeOffset, "storage_offset must be a non-negative int, found int -1");
    }

    @Test
    void storageEntriesMustExistAndMatchThePickle() throws IOException {
        rejects(TorchZip.checkpoint(validPickle(), Map.of()), "storage archive/data/0 (tensor 'w') is missing from the zip");
        rejects(TorchZip.checkpoint(validPickle(), Map.of("0", TorchZip.f32(1, 2, 3))),
                "zip entry declares 12 bytes but the pickle's F32[2] storage needs 8");
        byte[] badCrc = new ZipBytes().stored("archive/data.pkl", validPickle())
                .raw("archive/data/0", false, TorchZip.f32(1, 2), 8, 12345).toByteArray();
        rejects(badCrc, "CRC-32", "corrupt");
        byte[] twoDtypes = new PickleWriter().proto(2).emptyDict().mark()
                .str("a").tensor("FloatStorage", "0", 2, 0, ONE_DIM_2, UNIT_STRIDE)
                .str("b").tensor("LongStorage", "0", 1, 0, new long[] {1}, UNIT_STRIDE)
                .setItems().stop().toByteArray();
        rejectsPickle(twoDtypes, "storage '0' is declared as F32[2] and as I64[1]");
        byte[] hugeStorage = TorchZip.singleTensorPickle("w", 1L << 61, 0, ONE_DIM_2, UNIT_STRIDE);
        rejectsPickle(hugeStorage, "storage '0' byte size overflows 64 bits");
        byte[] bigStorage = TorchZip.singleTensorPickle("w", 1L << 40, 0, ONE_DIM_2, UNIT_STRIDE);
        rejectsPickle(bigStorage, "storage '0' (tensor 'w') has 1099511627776 elements, more than one Java array can hold");
        byte[] largerThanEntry = TorchZip.singleTensorPickle("w", 1000, 0, ONE_DIM_2, UNIT_STRIDE);
        rejectsPickle(largerThanEntry, "declares 8 bytes but the pickle's F32[1000] storage needs 4000");
    }

    @Test
    void aFlippedBitInsideDataPklFailsItsCrc() throws IOException {
        byte[] pickle = validPickle();
        byte[] flipped = pickle.clone();
        int stride = indexOf(pickle, new byte[] {'(', 'K', 1, 't'}) + 2;
        flipped[stride] = 0; // stride (1,) becomes (0,): a valid pickle that reads element 0 twice
        Path honest = tmp.resolve("stride0.bin");
        Files.write(honest, TorchZip.checkpoint(flipped, Map.of("0", TorchZip.f32(1, 2))));
        assertEquals(1f, StateDict.read(honest).get("w").floats()[1], "the flip alone is not an error");
        byte[] corrupt = new ZipBytes().raw("archive/data.pkl", false, flipped, flipped.length, ZipBytes.crc(pickle))
                .stored("archive/data/0", TorchZip.f32(1, 2)).toByteArray();
        rejects(corrupt, "archive/data.pkl: CRC-32", "corrupt file");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }

    @Test
    void storagesBeyondTheHeapAreRefusedBeforeAllocating() throws IOException {
        long numel = Limits.MAX_ARRAY_ELEMENTS;
        assertTrue(Runtime.getRuntime().maxMemory() < numel * Long.BYTES, "test JVM heap must be below 17 GB");
        byte[] pickle = new PickleWriter().proto(2).emptyDict().str("ids")
                .tensor("LongStorage", "0", numel, 0, new long[] {numel}, UNIT_STRIDE).setItem().stop().toByteArray();
        rejectsPickle(pickle, "1 tensor(s) need " + numel * Long.BYTES + " bytes of heap once decoded",
                "more than the JVM's maximum heap");
    }

    @Test
    void zipBombStopsAtTheSizeThePickleClaims() throws IOException, DataFormatException {
        assertEquals(3L << 20, inflatedSize(ZipBytes.deflatedZeros(3)), "the bomb builder really inflates");
        byte[] twoGiBOfZeros = ZipBytes.deflatedZeros(2048);
        assertTrue(twoGiBOfZeros.length < 4 << 20, "bomb payload is small: " + twoGiBOfZeros.length);
        byte[] bomb = new ZipBytes().stored("archive/data.pkl", validPickle())
                .raw("archive/data/0", true, twoGiBOfZeros, 8, ZipBytes.crc(new byte[8])).toByteArray();
        rejects(bomb, "storage archive/data/0 (tensor 'w')", "inflates to more than the 8 bytes the pickle claims");
    }

    private static long inflatedSize(byte[] rawDeflate) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(rawDeflate);
        byte[] out = new byte[1 << 16];
        long total = 0;
        while (!inflater.finished()) {
            total += inflater.inflate(out);
        }
        inflater.end();
        return total;
    }

    @Test
    void impossibleCompressionRatioIsRefusedBeforeInflating() throws IOException {
        long claimed = 100L << 20;
        byte[] pickle = TorchZip.singleTensorPickle("w", claimed / 4, 0, new long[] {claimed / 4}, UNIT_STRIDE);
        byte[] zip = new ZipBytes().stored("archive/data.pkl", pickle)
                .raw("archive/data/0", true, ZipBytes.deflatedZeros(1), claimed, 0).toByteArray();
        rejects(zip, "compressed bytes cannot inflate to 104857600 (zip bomb?)");
    }

    @Test
    void oversizedPickleIsRefused() throws IOException {
        int tooBig = TorchCheckpointReader.MAX_PICKLE_BYTES + 1;
        byte[] declaredHuge = new ZipBytes().raw("archive/data.pkl", true, ZipBytes.deflatedZeros(1), tooBig, 0).toByteArray();
        rejects(declaredHuge, "archive/data.pkl declares " + tooBig + " bytes, more than the limit");
        byte[] lyingSmall = new ZipBytes().raw("archive/data.pkl", true, ZipBytes.deflatedZeros(65), 10, 0).toByteArray();
        rejects(lyingSmall, "archive/data.pkl inflates to more than the limit");
    }

    @Test
    void notATorchZip() throws IOException {
        Path garbage = tmp.resolve("garbage.bin");
        Files.write(garbage, "PK\u0003\u0004 but then nothing sensible".getBytes(StandardCharsets.ISO_8859_1));
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> StateDict.read(garbage));
        assertTrue(e.getMessage().contains("malformed zip archive"), e.getMessage());

        Path text = tmp.resolve("text.pt");
        Files.writeString(text, "not a zip");
        e = assertThrows(CheckpointFormatException.class, () -> TorchCheckpointReader.read(text));
        assertTrue(e.getMessage().startsWith(text + ": malformed zip archive"), e.getMessage());

        rejects(new ZipBytes().stored("weights/other.txt", new byte[3]).toByteArray(), "no <archive>/data.pkl entry");
        rejects(new ZipBytes().stored("a/data.pkl", validPickle()).stored("b/data.pkl", validPickle()).toByteArray(),
                "2 <archive>/data.pkl entries");
        rejects(new ZipBytes().stored("archive/data.pkl", validPickle()).stored("archive/byteorder", "middle".getBytes(StandardCharsets.US_ASCII))
                .stored("archive/data/0", TorchZip.f32(1, 2)).toByteArray(), "byteorder holds 'middle'");

        byte[] fixture = Files.readAllBytes(SharedFixtures.openClipModel("tiny-gelu").resolve("open_clip_pytorch_model.bin"));
        rejects(Arrays.copyOf(fixture, fixture.length - 10), "malformed zip archive");
        rejects(Arrays.copyOf(fixture, fixture.length / 2), "malformed zip archive");
    }

    @Test
    void legacyPickleCheckpointsAreNamed() throws IOException {
        rejects(new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10}, "legacy (pre-1.6, non-zip) torch.save format is not supported");
    }
}
