package io.sidecarconformance.workload;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a user's workload file (-Dworkload): a Job, a Pod or a bare pod template, with the ConfigMaps and Secrets it
 * needs in the same multi-document file. Everything it refuses is one line that says what to do, before any cluster
 * work.
 */
public final class WorkloadFile {

    private WorkloadFile() {
    }

    /** @throws WorkloadInputException one line: the file, what is wrong, what to do */
    public static Workload read(Path file) {
        String name = file.toString();
        byte[] bytes = bytes(file);
        List<YamlDocument> documents = YamlDocuments.split(text(bytes, name), name);
        if (documents.isEmpty()) {
            throw new WorkloadInputException(name + " is empty (no YAML document in it); write a Job, a Pod or a pod"
                    + " template in it (examples/ has three)");
        }
        WorkloadDocuments.Sorted sorted = WorkloadDocuments.sort(documents, name);
        WorkloadPod pod = sorted.pod();
        PodSpecCheck.check(pod.spec(), pod.source(), name);
        return new Workload(file, sha256(bytes), pod.source(), pod.metadata(), pod.spec(), pod.jobSettings(), sorted.extras());
    }

    private static byte[] bytes(Path file) {
        if (!Files.exists(file)) {
            throw new WorkloadInputException("-Dworkload=" + file + ": no such file (looked for " + file.toAbsolutePath().normalize()
                    + "); name a YAML file with a Job, a Pod or a pod template, e.g. -Dworkload=examples/arc-runner-dind.yaml");
        }
        if (Files.isDirectory(file)) {
            throw new WorkloadInputException("-Dworkload=" + file + " is a folder; name one YAML file in it");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new WorkloadInputException("-Dworkload=" + file + " cannot be read (" + e.getMessage()
                    + "); make it readable by the user running the suite");
        }
    }

    private static String text(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new WorkloadInputException(name + " is not UTF-8 text; save it as UTF-8 YAML");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
