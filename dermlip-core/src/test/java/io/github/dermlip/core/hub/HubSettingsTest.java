package io.github.dermlip.core.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Endpoint, token, offline switch and cache as huggingface_hub reads them, and the properties that override them. */
class HubSettingsTest {
    private static final Map<String, String> NO_PROPERTIES = Map.of();

    @Test
    void defaultsAreThePublicHubAnonymousAndOnline(@TempDir Path home) {
        HubSettings s = HubSettings.fromEnvironment(NO_PROPERTIES::get, Map.of(), home);
        assertEquals(URI.create(HubSettings.DEFAULT_ENDPOINT), s.endpoint());
        assertNull(s.token());
        assertFalse(s.offline());
        assertEquals(home.resolve(".cache/huggingface/hub"), s.cache().root());
    }

    @Test
    void environmentNamesEndpointTokenAndOfflineAndPropertiesWin(@TempDir Path home) {
        Map<String, String> env = Map.of("HF_ENDPOINT", "http://127.0.0.1:9/", "HF_TOKEN", "hf_env", "HF_HUB_OFFLINE", "1",
                "HF_HUB_CACHE", home.resolve("c").toString());
        HubSettings fromEnv = HubSettings.fromEnvironment(NO_PROPERTIES::get, env, home);
        assertEquals(URI.create("http://127.0.0.1:9"), fromEnv.endpoint());
        assertEquals("hf_env", fromEnv.token());
        assertTrue(fromEnv.offline());
        assertEquals(home.resolve("c"), fromEnv.cache().root());

        Map<String, String> properties = Map.of(HubSettings.ENDPOINT_PROPERTY, "http://127.0.0.1:10",
                HubSettings.OFFLINE_PROPERTY, "false", HubSettings.CACHE_PROPERTY, home.resolve("p").toString());
        HubSettings overridden = HubSettings.fromEnvironment(properties::get, env, home);
        assertEquals(URI.create("http://127.0.0.1:10"), overridden.endpoint());
        assertFalse(overridden.offline());
        assertEquals(home.resolve("p"), overridden.cache().root());
    }

    @Test
    void theTokenFileIsReadWhereHuggingFaceHubWritesIt(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".cache/huggingface"));
        Files.writeString(home.resolve(".cache/huggingface/token"), "hf_file\n");
        assertEquals("hf_file", HubSettings.fromEnvironment(NO_PROPERTIES::get, Map.of(), home).token());

        Path hfHome = Files.createDirectories(home.resolve("hf-home"));
        Files.writeString(hfHome.resolve("token"), "hf_home_file");
        assertEquals("hf_home_file", HubSettings.fromEnvironment(NO_PROPERTIES::get,
                Map.of("HF_HOME", hfHome.toString()), home).token());
        assertEquals("hf_env", HubSettings.fromEnvironment(NO_PROPERTIES::get,
                Map.of("HF_HOME", hfHome.toString(), "HF_TOKEN", "hf_env"), home).token());
    }
}
