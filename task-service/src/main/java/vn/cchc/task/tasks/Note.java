package vn.cchc.task.tasks;

import java.time.Instant;

/** A progress note ("ghi chú tiến độ") with who wrote it and when. */
public record Note(String author, String text, Instant at) {
}
