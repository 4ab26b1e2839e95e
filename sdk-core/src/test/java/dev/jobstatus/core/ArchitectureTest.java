package dev.jobstatus.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.library.dependencies.Slices;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobView;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shape of sdk-core's packages: no package depends on itself through another, and the public ones lean only on the
 * leaf internals (text, argument checks, timing), not on the transport behind them.
 */
class ArchitectureTest {
    /**
     * One slice per package, the root {@code dev.jobstatus.core} included (as "core"): a pattern of
     * {@code dev.jobstatus.core.(**)} would leave the root out of every slice and so out of every cycle.
     */
    private static final String EVERY_PACKAGE = "dev.jobstatus.(**)";

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jobstatus.core");

    @Test
    void everyPackageIsASliceOfItsOwn() {
        Set<String> packages = CORE.stream()
                .map(JavaClass::getPackageName)
                .map(p -> p.substring("dev.jobstatus.".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> sliced = Slices.matching(EVERY_PACKAGE).transform(CORE).stream()
                .map(s -> s.getNamePart(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).contains("core", "core.auth", "core.polling");
        assertThat(sliced).isEqualTo(packages);
        assertThat(Slices.matching(EVERY_PACKAGE).transform(CORE).stream()
                        .mapToInt(Slice::size)
                        .sum())
                .isEqualTo(CORE.size());
    }

    @Test
    void noPackageCycles() {
        slices().matching(EVERY_PACKAGE)
                .should()
                .beFreeOfCycles()
                // The one cycle of the public API itself: JobFailedException and JobWaitTimeoutException carry the job
                // (polling's JobView and JobState) and JobWaiter throws them. Breaking it means moving public types.
                .ignoreDependency(
                        resideInAPackage("dev.jobstatus.core.exception"), belongToAnyOf(JobView.class, JobState.class))
                .check(CORE);
    }

    @Test
    void publicPackagesLeanOnlyOnTheLeafInternals() {
        // core.client assembles the transport behind ClientBuilder and ProviderClient: it alone may name it.
        noClasses()
                .that()
                .resideInAPackage("dev.jobstatus.core..")
                .and()
                .resideOutsideOfPackages("..internal..", "dev.jobstatus.core.client")
                .should()
                .dependOnClassesThat(resideInAPackage("dev.jobstatus.core.internal..")
                        .and(not(resideInAnyPackage(
                                "dev.jobstatus.core.internal.text",
                                "dev.jobstatus.core.internal.checks",
                                "dev.jobstatus.core.internal.timing"))))
                .check(CORE);
    }
}
