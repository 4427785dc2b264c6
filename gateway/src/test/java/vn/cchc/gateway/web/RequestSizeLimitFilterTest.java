package vn.cchc.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The general body limit, and the larger one of the plan-import route only (POST /api/plans/imports). */
class RequestSizeLimitFilterTest {
    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(properties());

    private static GatewayProperties properties() {
        GatewayProperties properties = new GatewayProperties();
        properties.setMaxRequestSize(DataSize.ofMegabytes(10));
        GatewayProperties.SizeOverride imports = new GatewayProperties.SizeOverride();
        imports.setMethod("POST");
        imports.setPath("/api/plans/imports");
        imports.setMaxSize(DataSize.ofMegabytes(21));
        properties.setMaxRequestSizeOverrides(List.of(imports));
        return properties;
    }

    private int send(String method, String path, long megabytes) throws Exception {
        long length = megabytes * 1024 * 1024;
        MockHttpServletRequest request = new MockHttpServletRequest(method, path) {
            @Override
            public long getContentLengthLong() {
                return length;   // the declared length; the body itself is not needed to decide
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() == null) {
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getStatus()).isEqualTo(413);
            return 413;
        }
        return 200;
    }

    @Test
    void importsMayBeUpTo21MbEverythingElse10Mb() throws Exception {
        assertThat(send("POST", "/api/plans/imports", 20)).isEqualTo(200);
        assertThat(send("POST", "/api/plans/imports", 22)).isEqualTo(413);
        assertThat(send("POST", "/api/plans", 11)).isEqualTo(413);
        assertThat(send("POST", "/api/publications/imports", 11)).isEqualTo(413);
        assertThat(send("PUT", "/api/plans/imports", 11)).isEqualTo(413);
        assertThat(send("POST", "/api/plans/imports/x", 11)).isEqualTo(413);
        assertThat(send("POST", "/api/plans", 9)).isEqualTo(200);
    }
}
