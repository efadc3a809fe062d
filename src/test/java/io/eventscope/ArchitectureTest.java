package io.eventscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.eventscope.event.TimelineWriter;
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

    /** Every package is its own slice, so also source vs source.file and cli vs cli.bench. */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.eventscope.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
