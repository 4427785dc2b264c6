package vn.cchc.plan.plans;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The signature block: the mandate lines as written ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), the signer's
 * position ("PHÓ CHỦ TỊCH") and name. {@code authority} is the last mandate line (kept for older clients).
 */
public record Signatory(@Size(max = 200) String authority, @Size(max = 200) String position, @Size(max = 200) String name,
                        @Size(max = 5) List<@NotNull @Size(max = 200) String> mandates) {
    public Signatory {
        mandates = mandates == null || mandates.isEmpty()
                ? (authority == null || authority.isBlank() ? List.of() : List.of(authority.strip()))
                : List.copyOf(mandates);
        if ((authority == null || authority.isBlank()) && !mandates.isEmpty()) {
            authority = mandates.getLast();
        }
    }

    public Signatory(String authority, String position, String name) {
        this(authority, position, name, null);
    }
}
