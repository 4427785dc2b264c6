package vn.cchc.gateway.error;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error report, for what it refuses before the application sees it (an encoded {@code %2F} in the
 * path, a request line or headers over the size limit, a malformed request): the same Vietnamese page or Problem
 * Details as {@link ErrorPageController}, instead of Tomcat's English "HTTP Status 400 – Bad Request".
 */
public class TomcatErrorReportValve extends ErrorReportValve {

    public TomcatErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as the parent: only an error, only when nothing was written yet, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String path = request.getDecodedRequestURI();
        if (path == null || path.isEmpty()) {
            path = request.getRequestURI();
        }
        boolean page = ErrorPages.wantsPage(path, request.getHeader("Accept"));
        try {
            response.setContentType(page ? "text/html" : "application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page ? ErrorPages.html(status, path) : ErrorPages.problem(status, path));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }
}
