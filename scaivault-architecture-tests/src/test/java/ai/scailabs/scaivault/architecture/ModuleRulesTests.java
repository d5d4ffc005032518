package ai.scailabs.scaivault.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency directions of the architecture, checked against the main classes of every module
 * (tests excluded). A broken rule fails the build with the rule's name and each offending import.
 */
class ModuleRulesTests {

	private static final String ROOT = "ai.scailabs.scaivault";

	private static final String CORE = ROOT + ".client..";

	private static final String DEV_SERVER = ROOT + ".devserver..";

	private static final String BENCHMARKS = ROOT + ".benchmarks..";

	private static final String STARTER = ROOT + ".boot.autoconfigure";

	static final ArchRule coreIsFrameworkFree = noClasses().that()
		.resideInAPackage(CORE)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "io.micrometer..", "jakarta..")
		.as("core (ai.scailabs.scaivault.client) imports no Spring, Micrometer or Jakarta class")
		.because("scaivault-core is the framework-free client: the JDK, Jackson and Resilience4j only");

	static final ArchRule coreImportsNoOtherModule = noClasses().that()
		.resideInAPackage(CORE)
		.should()
		.dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(CORE)))
		.as("core imports no other module of ours")
		.because("every other module builds on scaivault-core, never the other way round");

	static final ArchRule devServerImportsNoOtherModule = noClasses().that()
		.resideInAPackage(DEV_SERVER)
		.should()
		.dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(DEV_SERVER)))
		.as("the dev server imports no other module of ours")
		.because("it serves the wire contract on its own, so that the client is tested against it and not"
				+ " against itself");

	static final ArchRule nobodyImportsBenchmarks = noClasses().that()
		.resideOutsideOfPackage(BENCHMARKS)
		.should()
		.dependOnClassesThat()
		.resideInAPackage(BENCHMARKS)
		.as("no module imports the benchmarks")
		.because("benchmarks measure the modules and are never shipped");

	static final ArchRule starterFeaturesAreIndependent = slices()
		.matching(STARTER + ".(*)..")
		.namingSlices("starter feature '$1'")
		.should()
		.notDependOnEachOther()
		.as("a starter feature package (" + STARTER + ".<feature>) uses only the starter's root package and"
				+ " its own")
		.because("each feature lives in one folder; what features share belongs in the root package");

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(ROOT);
	}

	@Test
	void everyModuleIsLookedAt() {
		assertThat(classes.stream().map(JavaClass::getPackageName)).anyMatch((name) -> name.startsWith(ROOT + ".client"))
			.anyMatch((name) -> name.startsWith(ROOT + ".devserver"))
			.anyMatch((name) -> name.startsWith(ROOT + ".config"))
			.anyMatch((name) -> name.startsWith(STARTER + "."))
			.anyMatch((name) -> name.startsWith(ROOT + ".benchmarks"))
			.anyMatch((name) -> name.startsWith(ROOT + ".test.db"));
	}

	@Test
	void coreIsFrameworkFree() {
		coreIsFrameworkFree.check(classes);
	}

	@Test
	void coreImportsNoOtherModule() {
		coreImportsNoOtherModule.check(classes);
	}

	@Test
	void devServerImportsNoOtherModule() {
		devServerImportsNoOtherModule.check(classes);
	}

	@Test
	void nobodyImportsBenchmarks() {
		nobodyImportsBenchmarks.check(classes);
	}

	@Test
	void starterFeaturesAreIndependent() {
		starterFeaturesAreIndependent.check(classes);
	}

}
