package io.eventscope.ui;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The viewer's packages form no cycle: the window composes feature packages, which never reach back. */
class UiArchitectureTest {
    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.eventscope.ui");

    @Test
    void uiPackagesAreFreeOfCycles() {
        slices().matching("io.eventscope.(**)").should().beFreeOfCycles().check(UI);
    }
}
