package io.eventscope.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.eventscope.event.Timeline;
import io.eventscope.ui.timeline.RowReader;
import io.eventscope.ui.timeline.TimelineTableView;
import io.eventscope.ui.timeline.TimelineTableViewModel;
import org.junit.jupiter.api.Test;

/**
 * The timeline table reads the store only through its view model's row reader, and the projection's
 * rules are interpreted in the replay engine alone (no feature package folds state itself).
 */
class ViewsReadThroughModelsTest {
    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.eventscope.ui");

    @Test
    void onlyTheRowReaderAndTheViewModelOfTheTableReadTheTimeline() {
        noClasses().that().resideInAPackage("io.eventscope.ui.timeline..")
                .and().doNotHaveFullyQualifiedName(RowReader.class.getName())
                .and().doNotHaveFullyQualifiedName(TimelineTableViewModel.class.getName())
                .should().dependOnClassesThat().areAssignableTo(Timeline.class)
                .check(UI);
    }

    @Test
    void theTableViewUsesNeitherTheEventModelNorTheReplay() {
        noClasses().that().haveFullyQualifiedName(TimelineTableView.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("io.eventscope.event..", "io.eventscope.replay..")
                .check(UI);
    }

    @Test
    void noViewModelInterpretsTheProjectionsRules() {
        noClasses().that().resideInAPackage("io.eventscope.ui..")
                .should().dependOnClassesThat().haveSimpleName("Operation")
                .orShould().dependOnClassesThat().haveSimpleName("Rule")
                .check(UI);
    }
}
