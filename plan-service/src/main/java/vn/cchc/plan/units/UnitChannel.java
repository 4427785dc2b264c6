package vn.cchc.plan.units;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A channel a unit operates, e.g. its website with the URL, or its radio ("Đài truyền thanh xã"). */
public record UnitChannel(
        @NotNull Channel channel,
        @Size(max = 300) String name,
        @Size(max = 2000) @Pattern(regexp = "^https?://.+", message = "must be an http(s) URL") String url) {
}
