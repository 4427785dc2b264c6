package vn.cchc.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.cchc.gateway.error.ErrorPages;
import vn.cchc.security.ProblemResponses;

/**
 * Bodies larger than {@code cchc.gateway.max-request-size} are refused with 413: at once when the declared
 * Content-Length is too large, and while streaming when a chunked body (no length) grows past the limit
 * (the read fails and {@link ServiceUnavailableAdvice} sees the mark this filter leaves on the request).
 * Routes listed in {@code cchc.gateway.max-request-size-overrides} (method + exact path) have their own limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimitFilter extends OncePerRequestFilter {
    static final String TOO_LARGE = RequestSizeLimitFilter.class.getName() + ".tooLarge";
    private final long defaultMaxBytes;
    private final java.util.List<GatewayProperties.SizeOverride> overrides;

    public RequestSizeLimitFilter(GatewayProperties properties) {
        this.defaultMaxBytes = properties.getMaxRequestSize().toBytes();
        this.overrides = java.util.List.copyOf(properties.getMaxRequestSizeOverrides());
    }

    long maxBytes(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (GatewayProperties.SizeOverride o : overrides) {
            if (o.getMaxSize() != null && o.getMethod().equalsIgnoreCase(request.getMethod())
                    && (path.equals(o.getPath()) || path.equals(o.getPath() + "/"))) {
                return o.getMaxSize().toBytes();
            }
        }
        return defaultMaxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = maxBytes(request);
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(request, response, maxBytes);
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBytes) : request, response);
    }

    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        tooLarge(request, response, maxBytes(request));
    }

    void tooLarge(HttpServletRequest request, HttpServletResponse response, long maxBytes) throws IOException {
        response.setHeader("Connection", "close");
        if (ErrorPages.wantsPage(request)) {
            response.sendError(413); // a browser outside /api/**: the Vietnamese page
            return;
        }
        ProblemResponses.write(request, response, 413, "Content Too Large", "https://cchc.vn/problems/too-large",
                "The request body is larger than " + describe(maxBytes) + ".");
    }

    static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    /** A request of unknown length whose body stream fails once it passes the limit. */
    static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max, (HttpServletRequest) getRequest());
            }
            return stream;
        }
    }

    static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private final HttpServletRequest request;
        private long count;

        Counting(ServletInputStream in, long max, HttpServletRequest request) {
            this.in = in;
            this.max = max;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > max) {
                request.setAttribute(TOO_LARGE, Boolean.TRUE);
                throw new IOException("Request body larger than " + max + " bytes");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
