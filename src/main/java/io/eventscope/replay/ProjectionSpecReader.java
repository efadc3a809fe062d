package io.eventscope.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a projection spec from a file, from text, or by the name of one bundled with the application,
 * and checks it strictly ({@link SpecParser}), reporting the first problem with its place, e.g.
 * {@code my.json: rules[2].apply[0].op "mul" is not one of add, subtract, set}.
 */
public final class ProjectionSpecReader {
    /** The projections bundled with the application, by name; the first is the default. */
    public static final List<String> BUNDLED = List.of("banking", "cloudevents");
    private static final String BUNDLED_DIR = "/io/eventscope/assets/projections/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectionSpecReader() {
    }

    /** The banking default that ships inside the application. */
    public static ProjectionSpec banking() {
        try {
            return named("banking");
        } catch (ProjectionSpecException e) {
            throw new IllegalStateException("bundled projection is broken: " + e.getMessage(), e);
        }
    }

    /** A bundled projection by name ({@link #BUNDLED}). */
    public static ProjectionSpec named(String name) throws ProjectionSpecException {
        if (!BUNDLED.contains(name)) {
            throw new ProjectionSpecException("There is no bundled projection named \"" + name + "\" (bundled: "
                    + String.join(", ", BUNDLED) + "); give a spec file's path instead.");
        }
        String resource = BUNDLED_DIR + name + ".json";
        try (InputStream in = ProjectionSpecReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled projection " + resource + " is missing from the build");
            }
            return new SpecParser(name + ".json").parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("bundled projection " + resource + " cannot be read", e);
        }
    }

    /** Every bundled projection, in {@link #BUNDLED} order. */
    public static List<ProjectionSpec> bundled() {
        List<ProjectionSpec> out = new ArrayList<>();
        for (String name : BUNDLED) {
            try {
                out.add(named(name));
            } catch (ProjectionSpecException e) {
                throw new IllegalStateException("bundled projection is broken: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * {@code nameOrFile} as the command line takes it: a bundled projection's name, else a spec file.
     * A file of that name in the working directory is not shadowed: names are plain words, files are not.
     */
    public static ProjectionSpec resolve(String nameOrFile) throws ProjectionSpecException {
        if (BUNDLED.contains(nameOrFile)) {
            return named(nameOrFile);
        }
        return read(Path.of(nameOrFile));
    }

    /** A bundled projection's text, exactly as shipped (what an evidence pack records). */
    public static String bundledText(String name) {
        String resource = BUNDLED_DIR + name + ".json";
        try (InputStream in = ProjectionSpecReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled projection " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("bundled projection cannot be read: " + e.getMessage(), e);
        }
    }

    public static ProjectionSpec read(Path file) throws ProjectionSpecException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            return parse(JSON.readTree(Files.readAllBytes(file)), name);
        } catch (NoSuchFileException e) {
            throw new ProjectionSpecException("Projection spec " + file + " does not exist (bundled projections: "
                    + String.join(", ", BUNDLED) + ").");
        } catch (JsonProcessingException e) {
            throw new ProjectionSpecException("Projection spec " + name + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        } catch (IOException e) {
            throw new ProjectionSpecException("Projection spec " + file + " cannot be read: " + e.getMessage());
        }
    }

    public static ProjectionSpec parse(String json, String origin) throws ProjectionSpecException {
        try {
            return parse(JSON.readTree(json), origin);
        } catch (JsonProcessingException e) {
            throw new ProjectionSpecException("Projection spec " + origin + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        }
    }

    private static ProjectionSpec parse(JsonNode root, String origin) throws ProjectionSpecException {
        ProjectionSpec spec = new SpecParser(origin).parse(root);
        return spec.name().isEmpty() ? withName(spec, origin) : spec;
    }

    private static ProjectionSpec withName(ProjectionSpec s, String name) {
        return new ProjectionSpec(name, s.description(), s.typeFields(), s.entityFields(), s.timeFields(),
                s.payloadFields(), s.state(), s.rules(), s.invariants(), s.mask(), s.clockSkew(), s.idFields());
    }
}
