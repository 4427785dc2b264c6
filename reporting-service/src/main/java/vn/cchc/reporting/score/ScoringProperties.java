package vn.cchc.reporting.score;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scoring rules per province ({@code cchc.reporting.scoring.provinces.<provinceId>.completion-points=…}); a province
 * without its own rules gets the commune scheme of DOMAIN.md.
 */
@ConfigurationProperties("cchc.reporting.scoring")
public record ScoringProperties(Map<String, ScoringRules> provinces) {
    public ScoringProperties {
        provinces = provinces == null ? Map.of() : provinces;
    }

    public ScoringRules forProvince(String provinceId) {
        ScoringRules rules = provinces.get(provinceId);
        return rules == null ? ScoringRules.communeDefault() : rules;
    }
}
