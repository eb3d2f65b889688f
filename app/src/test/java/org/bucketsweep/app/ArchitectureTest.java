package org.bucketsweep.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers: model knows no JavaFX, the ui knows neither the app nor the AWS SDK. */
@AnalyzeClasses(packages = "org.bucketsweep",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelImportsNoJavaFx = noClasses()
            .that().resideInAPackage("org.bucketsweep.model..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the model is plain Java, usable from the command line and in tests without a toolkit");

    @ArchTest
    static final ArchRule uiDoesNotDependOnApp = noClasses()
            .that().resideInAPackage("org.bucketsweep.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.bucketsweep.app..")
            .because("app is the composition root; the ui is handed what it needs");

    @ArchTest
    static final ArchRule uiDoesNotTalkToS3Directly = noClasses()
            .that().resideInAPackage("org.bucketsweep.ui..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("views and view models go through the model's services");

    @ArchTest
    static final ArchRule modelDoesNotDependOnUi = noClasses()
            .that().resideInAPackage("org.bucketsweep.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bucketsweep.ui..", "org.bucketsweep.app..");

    /**
     * The model's and the ui's test helpers reach this class path as test jars, which {@code DoNotIncludeTests}
     * does not recognise (it knows only test class folders).
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
