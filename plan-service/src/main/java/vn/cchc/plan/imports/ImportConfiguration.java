package vn.cchc.plan.imports;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.cchc.plan.imports.extract.PlanExtractor;
import vn.cchc.plan.imports.extract.RulePlanExtractor;

/** The import's parts: the rule-based extractor (unless a test provides its own) and the document reader. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    @ConditionalOnMissingBean(PlanExtractor.class)
    PlanExtractor planExtractor() {
        return new RulePlanExtractor();
    }

    @Bean
    DocumentReader documentReader() {
        return new DocumentReader();
    }
}
