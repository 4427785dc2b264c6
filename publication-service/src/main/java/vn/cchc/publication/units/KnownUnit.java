package vn.cchc.publication.units;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * publication-service's own copy of one unit of the directory, kept from {@code vn.cchc.unit.changed.v1}
 * (consumer-owned, not a shared type): just what recording needs.
 *
 * @param channels the publication channels the unit operates (WEBSITE, RADIO, …)
 */
@Document("units")
public record KnownUnit(@Id String unitId, long revision, String parentId, String name, String kind, String status,
                        List<String> channels) {
    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
