package vn.cchc.plan.imports;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import vn.cchc.platform.web.FieldError;

/**
 * An uploaded document the service refuses: 415 (not the type its name says, or a type not read here), 422 (read,
 * but no text layer, too many pages, no plan in it). An {@link ErrorResponseException}, so platform-common's
 * ProblemDetailsAdvice answers it as Problem Details with the field and rule under {@code errors}, like a 400.
 */
public class ImportProblem extends ErrorResponseException {
    public static final URI UNSUPPORTED = URI.create("https://cchc.vn/problems/unsupported-document");
    public static final URI UNPROCESSABLE = URI.create("https://cchc.vn/problems/unprocessable-document");

    private ImportProblem(HttpStatus status, URI type, String title, String rule, String message) {
        super(status, problem(status, type, title, rule, message), null);
    }

    /** 415: the file is not what its name says, or not a kind read here. */
    public static ImportProblem unsupported(String rule, String message) {
        return new ImportProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED, "Unsupported document", rule, message);
    }

    /** 422: the file is of a kind read here, but nothing usable could be taken from it. */
    public static ImportProblem unprocessable(String rule, String message) {
        return new ImportProblem(HttpStatus.UNPROCESSABLE_CONTENT, UNPROCESSABLE, "Unprocessable document", rule, message);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String rule, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(new FieldError("file", rule, message)));
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
