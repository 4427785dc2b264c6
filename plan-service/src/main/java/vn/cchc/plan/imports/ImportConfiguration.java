package vn.cchc.plan.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import vn.cchc.plan.imports.extract.PlanExtractor;

/**
 * Which {@link PlanExtractor} the import uses: a PlanExtractor bean when there is one (the engine annotated as a
 * component, or a test's); else the engine {@value #ENGINE} when it is on the class path (public no-arg constructor);
 * else the {@link BasicPlanExtractor} stand-in that reads only the title, the year and a task table.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {
    static final String ENGINE = "vn.cchc.plan.imports.extract.RulePlanExtractor";
    private static final Logger log = LoggerFactory.getLogger(ImportConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(PlanExtractor.class)
    PlanExtractor planExtractor() {
        ClassLoader loader = ImportConfiguration.class.getClassLoader();
        if (ClassUtils.isPresent(ENGINE, loader)) {
            try {
                return (PlanExtractor) ClassUtils.forName(ENGINE, loader).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("Cannot create the plan extractor " + ENGINE, e);
            }
        }
        log.warn("{} is not on the class path: plan imports read only the title, the year and a task table", ENGINE);
        return new BasicPlanExtractor();
    }

    @Bean
    DocumentReader documentReader() {
        return new DocumentReader();
    }
}
