package io.eventscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
