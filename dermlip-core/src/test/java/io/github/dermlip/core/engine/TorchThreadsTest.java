package io.github.dermlip.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The wait policy reaches the native environment before libtorch loads, and a user's own OpenMP setting is left
 * alone. Each case runs {@link TorchThreadsProbe} in a fresh JVM, since the engine of this test JVM may be loaded
 * already.
 */
class TorchThreadsTest {
    @Test
    void setsPassiveWaitPolicyBeforeTheEngineLoads() throws Exception {
        assertEquals("prepared=true policy=PASSIVE openmp=true again=false", probe(Map.of()));
    }

    @Test
    void leavesTheUsersSpinCountAlone() throws Exception {
        assertEquals("prepared=false policy=null openmp=true again=false", probe(Map.of("GOMP_SPINCOUNT", "10000")));
    }

    @Test
    void leavesTheUsersWaitPolicyAlone() throws Exception {
        assertEquals("prepared=false policy=ACTIVE openmp=true again=false", probe(Map.of("OMP_WAIT_POLICY", "ACTIVE")));
    }

    private static String probe(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                TorchThreadsProbe.class.getName()));
        builder.environment().remove("OMP_WAIT_POLICY");
        builder.environment().remove("GOMP_SPINCOUNT");
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the probe JVM did not finish within 120 s");
        }
        assertEquals(0, process.exitValue(), "probe exit status; output: " + output);
        return output.substring(output.lastIndexOf('\n') + 1);
    }
}
