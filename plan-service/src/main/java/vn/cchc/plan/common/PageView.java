package vn.cchc.plan.common;

import java.util.List;

/** One page of a list: the items, the zero-based page, its size and the total count. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
