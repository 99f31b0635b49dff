package io.segstream.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Kubernetes manifests under deploy/kubernetes, every document of every file. */
final class Manifests {
    static final String FOLDER = "deploy/kubernetes";

    private Manifests() {
    }

    record Manifest(Path file, Map<String, Object> body) {
        String kind() {
            return String.valueOf(body.get("kind"));
        }

        String name() {
            return String.valueOf(Repository.at(body, "metadata.name"));
        }

        Object at(String dottedPath) {
            return Repository.at(body, dottedPath);
        }
    }

    static List<Path> files() {
        return Repository.files(FOLDER, ".yaml", ".yml");
    }

    static List<Manifest> all() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : files()) {
            Repository.yamlDocuments(file).forEach(body -> manifests.add(new Manifest(file, body)));
        }
        return manifests;
    }

    /** The manifests of the base the services are deployed from (what kustomization.yaml lists). */
    static List<Manifest> base() {
        return all().stream().filter(m -> m.file().getParent().endsWith("base"))
                .filter(m -> !m.file().getFileName().toString().startsWith("secrets.example"))
                .filter(m -> !"Kustomization".equals(m.kind()))
                .toList();
    }

    static Manifest one(String kind, String name) {
        return base().stream().filter(m -> kind.equals(m.kind()) && name.equals(m.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + FOLDER + "/base"));
    }
}
