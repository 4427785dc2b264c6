package vn.cchc.plan.plans;

import jakarta.validation.constraints.Size;

/** The signature block, e.g. authority "KT. CHỦ TỊCH", position "PHÓ CHỦ TỊCH", name. */
public record Signatory(@Size(max = 200) String authority, @Size(max = 200) String position, @Size(max = 200) String name) {
}
