package io.eventscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.eventscope.event.TimelineWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core must stay usable and testable without JavaFX; dependencies point downwards. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.eventscope");

    @Test
    void onlyUiAndAppImportJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.eventscope.ui..", "io.eventscope.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(MAIN);
    }

    @Test
    void eventModelDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("io.eventscope.event..")
                .should().dependOnClassesThat().resideInAnyPackage("io.eventscope.replay..", "io.eventscope.source..",
                        "io.eventscope.audit..", "io.eventscope.cli..", "io.eventscope.ui..", "io.eventscope.app..")
                .check(MAIN);
    }

    @Test
    void replayAndSourcesDoNotReachUpIntoCommandsOrViews() {
        noClasses().that().resideInAnyPackage("io.eventscope.replay..", "io.eventscope.source..",
                        "io.eventscope.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.eventscope.cli..", "io.eventscope.ui..",
                        "io.eventscope.app..")
                .check(MAIN);
    }

    @Test
    void onlyTheLoaderMakesTimelineWriters() {
        noClasses().that().resideOutsideOfPackages("io.eventscope.load", "io.eventscope.event")
                .should().callConstructor(TimelineWriter.class, io.eventscope.event.Timeline.class)
                .orShould().callConstructor(TimelineWriter.class, io.eventscope.event.Timeline.class, long.class)
                .orShould().callConstructor(TimelineWriter.class, io.eventscope.event.Timeline.class, long.class,
                        boolean.class)
                .because("one loader builds timelines (issue 10); a second copy would drift from it")
                .check(MAIN);
    }

    @Test
    void theLoaderSitsAboveSourcesAndReplay() {
        noClasses().that().resideInAnyPackage("io.eventscope.event..", "io.eventscope.source..",
                        "io.eventscope.replay..")
                .should().dependOnClassesThat().resideInAnyPackage("io.eventscope.load..", "io.eventscope.audit..")
                .check(MAIN);
    }

    /** Case files are data the core reads and writes; the viewer and the commands sit above them. */
    @Test
    void caseFilesSitBelowTheViewerAndTheCommands() {
        noClasses().that().resideInAPackage("io.eventscope.casefile..")
                .should().dependOnClassesThat().resideInAnyPackage("io.eventscope.audit..", "io.eventscope.cli..",
                        "io.eventscope.ui..", "io.eventscope.app..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("io.eventscope.event..", "io.eventscope.source..",
                        "io.eventscope.replay..", "io.eventscope.load..", "io.eventscope.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.eventscope.casefile..")
                .check(MAIN);
    }

    /** Every package is its own slice, so also source vs source.file and cli vs cli.bench. */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.eventscope.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void viewsReadTheirViewModelsNotTheStore() {
        noClasses().that().resideInAPackage("io.eventscope.ui..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.eventscope.event.Timeline")
                .check(MAIN);
    }

    /** One responsibility per class keeps classes short; a file past this is a class doing two jobs. */
    private static final int MAX_LINES = 300;

    @Test
    void mainSourceFilesStaySmall() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> big = files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > MAX_LINES)
                    .map(p -> p + " (" + lines(p) + " lines)").toList();
            assertThat(big).as("main source files over %d lines", MAX_LINES).isEmpty();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
