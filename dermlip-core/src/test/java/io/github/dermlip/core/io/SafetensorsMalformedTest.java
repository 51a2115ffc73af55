package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile or broken safetensors files end in a CheckpointFormatException naming the file and the problem. */
@Timeout(20)
class SafetensorsMalformedTest {
    private static final String ONE_F32 = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

    @TempDir
    Path tmp;

    private CheckpointFormatException rejects(byte[] file, String... fragments) throws IOException {
        Path p = tmp.resolve("bad.safetensors");
        Files.write(p, file);
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> StateDict.read(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        assertEquals(p.toString(), e.source());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' missing from: " + e.getMessage());
        }
        return e;
    }

    private CheckpointFormatException rejectsHeader(String header, int dataBytes, String... fragments) throws IOException {
        return rejects(SafetensorsBytes.of(header, new byte[dataBytes]), fragments);
    }

    private static byte[] validFile() throws IOException {
        Map<String, TensorData> m = new LinkedHashMap<>();
        m.put("a", TensorData.ofFloats(new long[] {4, 4}, new float[16]));
        m.put("b", TensorData.ofLongs(new long[] {3}, new long[] {1, 2, 3}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SafetensorsWriter.writeTo(out, m, SafetensorsWriter.PT_FORMAT);
        return out.toByteArray();
    }

    @Test
    void truncatedAnywhere() throws IOException {
        byte[] full = validFile();
        int headerEnd = 8 + (int) ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN).getLong();
        rejects(Arrays.copyOf(full, 0), "too short");
        rejects(Arrays.copyOf(full, 5), "too short");
        rejects(Arrays.copyOf(full, 8), "runs past the end of the file");
        rejects(Arrays.copyOf(full, 20), "runs past the end of the file");
        rejects(Arrays.copyOf(full, headerEnd - 1), "runs past the end of the file");
        rejects(Arrays.copyOf(full, headerEnd), "tensor 'a'", "lies beyond the data section of 0 bytes");
        rejects(Arrays.copyOf(full, headerEnd + 30), "lies beyond the data section of 30 bytes");
        rejects(Arrays.copyOf(full, full.length - 1), "tensor 'b'", "lies beyond the data section");
        for (int cut = 0; cut < full.length; cut += 7) {
            rejects(Arrays.copyOf(full, cut));
        }
    }

    @Test
    void truncatedFixtureInsideItsData() throws IOException {
        byte[] full = Files.readAllBytes(SharedFixtures.openClipModel("tiny-gelu").resolve("open_clip_model.safetensors"));
        rejects(Arrays.copyOf(full, full.length / 2), "lies beyond the data section");
        rejects(Arrays.copyOf(full, 4000), "runs past the end of the file");
    }

    @Test
    void lyingHeaderLength() throws IOException {
        byte[] file = validFile();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, Long.MAX_VALUE);
        rejects(file, "header length 9223372036854775807", "exceeds the limit");
        b.putLong(0, -1L);
        rejects(file, "header length 18446744073709551615", "exceeds the limit");
        b.putLong(0, SafetensorsHeader.MAX_HEADER_BYTES + 1);
        rejects(file, "exceeds the limit");
        b.putLong(0, file.length);
        rejects(file, "runs past the end of the file (" + file.length + " bytes)");
        b.putLong(0, 40);
        rejects(file, "malformed header JSON");
        b.putLong(0, 1);
        rejects(file, "too short for a JSON object");
    }

    @Test
    void offsetsOutOfRangeOrInverted() throws IOException {
        rejectsHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[250],\"data_offsets\":[0,1000]}}", 8,
                "tensor 'w'", "end 1000 lies beyond the data section of 8 bytes");
        rejectsHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8,
                "tensor 'w'", "begin 8 is after end 0");
        rejectsHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[9223372036854775799,9223372036854775807]}}", 8,
                "tensor 'w'", "lies beyond the data section");
        rejectsHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,18446744073709551616]}}", 8,
                "tensor 'w': data_offsets[1] must be a non-negative 64-bit integer");
        rejectsHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-8,0]}}", 8, "data_offsets[0]");
    }

    @Test
    void overlappingGapsAndTrailingBytes() throws IOException {
        rejectsHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12,
                "tensor 'b' [4, 12) overlaps tensor 'a' [0, 8)");
        rejectsHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "overlaps");
        rejectsHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12,
                "gap in the data section: bytes [0, 4)");
        rejectsHeader(ONE_F32, 9, "data section holds 9 bytes", "trailing bytes");
    }

    @Test
    void byteCountMustMatchShape() throws IOException {
        rejectsHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8,
                "tensor 'w'", "span 8 bytes but F32 shape [3] needs 12");
        rejectsHeader("{\"w\":{\"dtype\":\"BF16\",\"shape\":[2,2],\"data_offsets\":[0,4]}}", 4, "needs 8");
        rejectsHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[1099511627776,1099511627776],\"data_offsets\":[0,8]}}", 8,
                "tensor 'w'", "overflows 64 bits");
        rejectsHeader("{\"w\":{\"dtype\":\"F64\",\"shape\":[4611686018427387904],\"data_offsets\":[0,8]}}", 8,
                "tensor 'w'", "byte count", "overflows 64 bits");
    }

    @Test
    void unknownDtype() throws IOException {
        rejectsHeader("{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", 2,
                "tensor 'w'", "unsupported dtype 'F8_E4M3'");
        rejectsHeader("{\"w\":{\"dtype\":\"f32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "unsupported dtype 'f32'");
    }

    @Test
    void notAJsonObject() throws IOException {
        rejectsHeader("[1,2,3,4]", 0, "does not start with '{'");
        rejectsHeader("  {}", 0, "does not start with '{'");
        rejectsHeader("{\"w\":", 0, "malformed header JSON");
        rejectsHeader("{} {}", 0, "malformed header JSON");
        rejectsHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "malformed header JSON", "w");
        byte[] badUtf8 = SafetensorsBytes.of("{\"\u00e9\":{}}", new byte[0]);
        badUtf8[10] = (byte) 0xFF;
        rejects(badUtf8, "malformed header JSON");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"w\":7}                                                                  | tensor 'w' must be a JSON object",
        "{\"w\":{\"shape\":[2],\"data_offsets\":[0,8]}}                             | tensor 'w': missing field 'dtype'",
        "{\"w\":{\"dtype\":32,\"shape\":[2],\"data_offsets\":[0,8]}}                | tensor 'w': dtype must be a string",
        "{\"w\":{\"dtype\":\"F32\",\"shape\":\"2\",\"data_offsets\":[0,8]}}         | tensor 'w': shape must be a JSON array",
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}         | tensor 'w': shape[0] must be a non-negative 64-bit integer, found 2.0",
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}          | tensor 'w': shape[0] must be a non-negative",
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[\"2\"],\"data_offsets\":[0,8]}}       | shape[0] must be a non-negative 64-bit integer, found STRING",
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}                                  | tensor 'w': missing field 'data_offsets'",
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":{\"a\":0}}}       | data_offsets must be a JSON array",
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8,8]}}         | data_offsets must hold 2 numbers",
        "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,null]}}        | data_offsets[1] must be a non-negative 64-bit integer, found NULL",
        "{\"__metadata__\":[\"format\"]}                                            | __metadata__ must be a JSON object of strings",
        "{\"__metadata__\":{\"format\":1}}                                          | __metadata__.format must be a string, found NUMBER",
    })
    void wrongJsonTypes(String header, String message) throws IOException {
        rejectsHeader(header.strip(), 8, message.strip());
    }

    @Test
    void largeOffsetsAreLongsAndBoundedByTheDataSection() throws CheckpointFormatException {
        // A header as a > 4 GB file would have it: 1.5 G floats (6 GB) then 4 int64s beyond the 4 GB mark.
        String big = "{\"embed\":{\"dtype\":\"F32\",\"shape\":[1500000000],\"data_offsets\":[0,6000000000]},"
                + "\"ids\":{\"dtype\":\"I64\",\"shape\":[4],\"data_offsets\":[6000000000,6000000032]}}";
        byte[] json = big.getBytes(StandardCharsets.UTF_8);
        SafetensorsHeader header = SafetensorsHeader.parse("big.safetensors", json, 6_000_000_032L);
        SafetensorsHeader.Entry ids = header.entries().get(1);
        assertEquals(6_000_000_000L, ids.begin());
        assertEquals(4, ids.count());
        assertEquals(1_500_000_000L, header.entries().get(0).count());

        CheckpointFormatException e = assertThrows(CheckpointFormatException.class,
                () -> SafetensorsHeader.parse("small.safetensors", json, 1_000));
        assertEquals("small.safetensors: tensor 'embed': data_offsets end 6000000000 lies beyond the data section of 1000 bytes",
                e.getMessage());

        ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 4096);
        assertEquals(4096, SafetensorsHeader.headerLength("big.safetensors", prefix, 6_000_004_104L));
    }

    @Test
    void largeTensorClaimInASmallFileIsRejectedBeforeAllocating() throws IOException {
        rejectsHeader("{\"embed\":{\"dtype\":\"F32\",\"shape\":[750000000],\"data_offsets\":[0,3000000000]}}", 16,
                "tensor 'embed'", "end 3000000000 lies beyond the data section of 16 bytes");
    }

    @Test
    void fileThatIsNeitherFormat() throws IOException {
        Path p = tmp.resolve("weights.bin");
        Files.write(p, "hello, this is not a checkpoint".getBytes(StandardCharsets.UTF_8));
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> StateDict.read(p));
        assertTrue(e.getMessage().contains("neither a safetensors file nor a torch.save zip checkpoint"), e.getMessage());
        Files.write(p, new byte[0]);
        assertThrows(CheckpointFormatException.class, () -> StateDict.read(p));
    }
}
