package vn.cchc.publication;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.cchc.platform.web.FieldError;

/** Rules across fields of a recorded publication, beyond what annotations express. Run on the sanitised request. */
public final class PublicationRules {
    /** Clocks of phones and office PCs drift; an item "published" a little in the future is accepted. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private PublicationRules() {
    }

    public static List<FieldError> check(RecordPublicationRequest request, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        if (request.title() == null || request.title().isBlank()) {
            errors.add(new FieldError("title", "not-blank", "The title is empty once HTML is removed."));
        }
        if (request.kind() == Kind.BROADCAST && request.durationSeconds() == null) {
            errors.add(new FieldError("durationSeconds", "required", "A broadcast needs its duration in seconds."));
        }
        if (request.channel() != null && request.channel().online()) {
            if (request.url() == null || request.url().isBlank()) {
                errors.add(new FieldError("url", "required", "An item on " + request.channel() + " needs its link."));
            } else if (!isHttpUrl(request.url())) {
                errors.add(new FieldError("url", "http-url", "Must be an http:// or https:// link."));
            }
        } else if (request.url() != null && !request.url().isBlank() && !isHttpUrl(request.url())) {
            errors.add(new FieldError("url", "http-url", "Must be an http:// or https:// link."));
        }
        if (request.publishedAt() != null
                && request.publishedAt().toInstant().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError("publishedAt", "not-in-future", "Cannot be later than now."));
        }
        return errors;
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
