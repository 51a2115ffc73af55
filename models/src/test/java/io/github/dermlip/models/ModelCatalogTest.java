package io.github.dermlip.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Architectures found by listing their resource folder (directory or jar), and the pretrained registry. */
class ModelCatalogTest {

    @Test
    void everyConfigFileIsAnArchitecture() throws Exception {
        Path configs = Path.of(ModelCatalog.class.getResource("/io/github/dermlip/models/configs/").toURI());
        List<String> files;
        try (var list = Files.list(configs)) {
            files = list.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList();
        }
        assertEquals(files, ModelCatalog.architectures());
        assertTrue(ModelCatalog.architectures().contains("ViT-B-16"));
    }

    @Test
    void configsAreListedFromAJarToo(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("models.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("b-arch.json", "a-arch.json", "notes.txt")) {
                out.putNextEntry(new JarEntry("io/github/dermlip/models/configs/" + name));
                out.write("{}".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        URL folder = new URL("jar:" + jar.toUri() + "!/io/github/dermlip/models/configs/");
        assertEquals(List.of("a-arch", "b-arch"), ArchitectureIndex.scan(folder));
        assertEquals(List.of("a-arch", "b-arch"), ArchitectureIndex.scan(folder), "a second scan reopens the jar");
    }

    @Test
    void theRegistryNamesEachModelsHubLayoutTokenizerLicenceAndWhatWasVerified() {
        assertEquals(List.of("DermLIP_ViT-B-16", "DermLIP_PanDerm-base-w-PubMed-256", "BiomedCLIP", "MONET"),
                List.copyOf(ModelCatalog.pretrained().keySet()));
        PretrainedModel vit = ModelCatalog.pretrained("DermLIP_ViT-B-16").orElseThrow();
        assertEquals("hf-hub:redlessone/DermLIP_ViT-B-16@main", vit.hubReference());
        assertEquals("clip-bpe", vit.tokenizer());
        PretrainedModel panderm = ModelCatalog.pretrained("DermLIP_PanDerm-base-w-PubMed-256").orElseThrow();
        assertTrue(panderm.architecture().contains("neuml/pubmedbert-base-embeddings")
                && panderm.architecture().contains("context 256") && panderm.architecture().contains("mean pooler"));
        assertEquals("hf-clip", ModelCatalog.pretrained("MONET").orElseThrow().layout());
        for (PretrainedModel m : ModelCatalog.pretrained().values()) {
            assertTrue(m.files().size() >= 2 && !m.licence().isBlank() && m.verified().startsWith("Verified: ") && m.verified().contains("Not verified"), m.name());
            assertTrue(List.of("open_clip", "hf-clip").contains(m.layout()), m.name());
        }
    }
}
