package vn.cchc.reporting.transparency;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public transparency page, off unless a province is listed: {@code cchc.reporting.transparency.provinces=vinh-long}.
 *
 * @param provinces province ids whose aggregates are public (none by default)
 * @param cacheTtl  a province-year's figures are computed at most once per this time (default 5 minutes); also the
 *                  {@code Cache-Control: max-age} of the answers
 */
@ConfigurationProperties("cchc.reporting.transparency")
public record TransparencyProperties(List<String> provinces, Duration cacheTtl) {
    public TransparencyProperties {
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
        cacheTtl = cacheTtl == null ? Duration.ofMinutes(5) : cacheTtl;
    }

    public boolean isPublic(String provinceId) {
        return provinces.contains(provinceId);
    }
}
