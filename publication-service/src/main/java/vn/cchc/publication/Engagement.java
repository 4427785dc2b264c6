package vn.cchc.publication;

import jakarta.validation.constraints.PositiveOrZero;

/** Figures the channel gives (page views, likes + shares + comments); either may be unknown. */
public record Engagement(@PositiveOrZero Long views, @PositiveOrZero Long interactions) {
}
