package org.bucketsweep.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bucketsweep.model.delete.VersionRef;

/**
 * Reads the {@code --items} file: JSON Lines (UTF-8) of {@code {"key":…,"versionId":…}}; the version id is optional
 * and other fields are ignored, so {@code list-versions} output can be given as it is. Blank lines are skipped.
 */
final class ItemsFile {

    /** A line holding two objects is an error, not its first object. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ItemsFile() {
    }

    /** The items in file order; {@code -} reads {@code stdin}. */
    static List<VersionRef> read(String file, InputStream stdin) {
        if (file.equals("-")) {
            return read(new InputStreamReader(stdin, StandardCharsets.UTF_8), "stdin");
        }
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return read(reader, file);
        } catch (NoSuchFileException e) {
            throw new Cli.CliFailure("The items file " + file + " does not exist.");
        } catch (IOException e) {
            throw new Cli.CliFailure("Could not read the items file " + file + ": " + e.getMessage());
        }
    }

    static List<VersionRef> read(Reader source, String name) {
        List<VersionRef> items = new ArrayList<>();
        BufferedReader lines = new BufferedReader(source);
        int number = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    items.add(parse(line, name, number));
                }
            }
        } catch (IOException e) {
            throw new Cli.CliFailure("Could not read the items from " + name + ": " + e.getMessage());
        }
        return items;
    }

    private static VersionRef parse(String line, String name, int number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw bad(name, number, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw bad(name, number, "not a JSON object");
        }
        JsonNode key = node.get("key");
        if (key == null || !key.isTextual() || key.textValue().isEmpty()) {
            throw bad(name, number, "no \"key\" string");
        }
        JsonNode versionId = node.get("versionId");
        if (versionId != null && !versionId.isNull() && !versionId.isTextual()) {
            throw bad(name, number, "\"versionId\" is not a string");
        }
        JsonNode eTag = node.get("eTag");
        if (eTag != null && !eTag.isNull() && !eTag.isTextual()) {
            throw bad(name, number, "\"eTag\" is not a string");
        }
        // An eTag (as --dry-run writes it) makes the delete of a current object conditional on it.
        return new VersionRef(key.textValue(), versionId == null || versionId.isNull() ? null : versionId.textValue(),
                eTag == null || eTag.isNull() ? null : eTag.textValue());
    }

    private static Cli.CliFailure bad(String name, int number, String what) {
        return new Cli.CliFailure(name + " line " + number + ": " + what
                + "; each line must be {\"key\":\"…\"} or {\"key\":\"…\",\"versionId\":\"…\"}.");
    }
}
