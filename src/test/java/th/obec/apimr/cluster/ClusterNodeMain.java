package th.obec.apimr.cluster;

import java.io.IOException;

import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import th.obec.apimr.ApimrApplication;

/**
 * Starts one node of the application in a JVM of its own for {@link ClusterFailoverIT}: the application as shipped
 * plus {@link ClusterNodeTestConfiguration} (the engine clock endpoint, the mail sender that can hang). The JVM's
 * class path is the test JVM's, so the test classes are on it: they are kept out of the component scan (other
 * tests' configurations would otherwise replace beans of the application), and so is the model tests' engine file
 * {@code camunda.cfg.xml}, which the engine would otherwise build as a second engine at the first REST request.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) {
        TestEngineFileIgnored.ignore();
        SpringApplication application = new SpringApplication(ApimrApplication.class,
                ClusterNodeTestConfiguration.class);
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton(TestClassesExcluded.class.getName(), new TestClassesExcluded()));
        application.run(args);
    }

    /** Marks the engine's registry as initialised, so that it never looks for {@code camunda.cfg.xml} files. */
    static final class TestEngineFileIgnored extends ProcessEngines {

        static void ignore() {
            isInitialized = true;
        }
    }

    /** Leaves every class of the test sources out of the component scan. */
    static final class TestClassesExcluded extends TypeExcludeFilter {

        private final String testClasses = ClusterNodeMain.class.getProtectionDomain().getCodeSource().getLocation()
                .toString();

        @Override
        public boolean match(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
                throws IOException {
            return metadataReader.getResource().getURL().toString().startsWith(testClasses);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }
}
