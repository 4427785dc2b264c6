package vn.cchc.gateway.error;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway answers when something goes wrong: a Vietnamese HTML page for a person in a browser, RFC 9457
 * Problem Details for a program. One place for both, used by the {@code /error} controller (errors inside Spring) and by
 * the Tomcat valve (requests Tomcat refuses before Spring sees them), so every error looks the same.
 */
public final class ErrorPages {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A status in words: the page's heading and what happened. */
    record Wording(String heading, String explanation) {
    }

    private static final Map<Integer, Wording> WORDING = Map.ofEntries(
            Map.entry(400, new Wording("Yêu cầu không hợp lệ",
                    "Địa chỉ hoặc dữ liệu gửi lên không đúng định dạng nên hệ thống không xử lý được.")),
            Map.entry(401, new Wording("Cần đăng nhập", "Trang này chỉ dành cho người đã đăng nhập.")),
            Map.entry(403, new Wording("Không có quyền truy cập",
                    "Tài khoản của bạn không được phép làm việc này, hoặc phiên làm việc đã hết hạn. "
                            + "Hãy mở lại trang đầu rồi thử lại.")),
            Map.entry(404, new Wording("Không tìm thấy trang",
                    "Địa chỉ bạn mở không có trên hệ thống: có thể đường dẫn bị gõ sai hoặc trang đã được chuyển đi.")),
            Map.entry(405, new Wording("Thao tác không được hỗ trợ", "Địa chỉ này không nhận kiểu yêu cầu vừa gửi.")),
            Map.entry(406, new Wording("Không có định dạng phù hợp", "Hệ thống không trả được nội dung theo định dạng được yêu cầu.")),
            Map.entry(408, new Wording("Hết thời gian chờ", "Yêu cầu gửi đến quá chậm nên đã bị ngắt. Hãy thử lại.")),
            Map.entry(413, new Wording("Dữ liệu gửi lên quá lớn", "Tệp hoặc nội dung gửi lên vượt quá giới hạn cho phép.")),
            Map.entry(414, new Wording("Địa chỉ quá dài", "Địa chỉ trang dài quá mức hệ thống nhận.")),
            Map.entry(415, new Wording("Định dạng không được hỗ trợ", "Hệ thống không nhận loại tệp hoặc dữ liệu vừa gửi.")),
            Map.entry(429, new Wording("Quá nhiều yêu cầu",
                    "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Hãy đợi một lát rồi thử lại.")),
            Map.entry(431, new Wording("Yêu cầu quá lớn",
                    "Địa chỉ hoặc phần đầu của yêu cầu dài quá mức hệ thống nhận.")),
            Map.entry(500, new Wording("Lỗi hệ thống",
                    "Đã xảy ra lỗi ngoài dự kiến; lỗi đã được ghi lại để xử lý. Hãy thử lại sau.")),
            Map.entry(502, new Wording("Dịch vụ trả lời không hợp lệ", "Một dịch vụ phía sau trả lời không đúng. Hãy thử lại sau.")),
            Map.entry(503, new Wording("Dịch vụ tạm thời không phản hồi",
                    "Một phần của hệ thống đang bận hoặc đang khởi động lại. Hãy thử lại sau ít phút.")),
            Map.entry(504, new Wording("Dịch vụ phản hồi quá chậm", "Một dịch vụ phía sau không trả lời kịp. Hãy thử lại sau.")));

    /** The authorization server's errors (a sign-in link that is wrong or stale, an unknown redirect address). */
    private static final Wording SIGN_IN_REFUSED = new Wording("Không thể đăng nhập",
            "Liên kết đăng nhập không hợp lệ hoặc đã hết hạn. Hãy mở lại trang đầu rồi bấm Đăng nhập.");

    /** Problem Details speak English like the rest of the API; pages speak Vietnamese. */
    private static final Map<Integer, String> PROBLEM_DETAIL = Map.of(
            400, "The request is malformed.",
            401, "Authentication required: send 'Authorization: Bearer <token>'.",
            403, "Your roles do not allow this request.",
            404, "Nothing is served at this path.",
            405, "This path does not accept this method.",
            413, "The request body is larger than the gateway accepts.",
            429, "Too many requests; try again later.",
            431, "The request line or headers are larger than the gateway accepts.",
            503, "The service behind this path is not answering; try again shortly.");

    private ErrorPages() {
    }

    /**
     * A page for a person, Problem Details for a program: {@code /api/**} and requests that do not accept HTML get
     * JSON; a browser (it sends {@code Accept: text/html}) gets the page.
     */
    public static boolean wantsPage(HttpServletRequest request) {
        return wantsPage(pathOf(request), request.getHeader("Accept"));
    }

    static boolean wantsPage(String path, String accept) {
        if (path != null && (path.startsWith("/api/") || path.equals("/api"))) {
            return false;
        }
        // a request Tomcat could not parse has no headers: a person typed or clicked something odd
        return accept == null || accept.contains("text/html") || accept.contains("application/xhtml+xml");
    }

    static String pathOf(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        return original != null ? original.toString() : request.getRequestURI();
    }

    static Wording wording(int status, String path) {
        if (status == 400 && path != null && path.startsWith("/oauth2/")) {
            return SIGN_IN_REFUSED;
        }
        Wording wording = WORDING.get(status);
        if (wording != null) {
            return wording;
        }
        return status >= 500 ? WORDING.get(500) : new Wording("Yêu cầu không được chấp nhận",
                "Hệ thống không thể thực hiện yêu cầu này.");
    }

    /** The Vietnamese page: the status in words, what happened, the code, and the way back to the start page. */
    public static String html(int status, String path) {
        Wording wording = wording(status, path);
        return """
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <meta name="robots" content="noindex">
                  <title>%1$s – Kế hoạch tuyên truyền CCHC</title>
                  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                  <link rel="icon" href="/favicon.ico" sizes="32x32">
                  <style>
                    body { font-family: system-ui, sans-serif; background: #f3f5f8; color: #1b1f24; margin: 0; padding: 10vh 1rem; }
                    main { background: #fff; max-width: 34rem; margin: 0 auto; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
                    .brand { color: #8c1d18; font-weight: 600; margin: 0 0 1rem; }
                    h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
                    .code { color: #4a5561; }
                    a { color: #8c1d18; font-weight: 600; }
                  </style>
                </head>
                <body>
                  <main>
                    <p class="brand">Hệ thống theo dõi Kế hoạch tuyên truyền cải cách hành chính</p>
                    <h1>%1$s</h1>
                    <p>%2$s</p>
                    <p class="code">Mã lỗi: %3$d</p>
                    <p><a href="/">Về trang đầu</a></p>
                  </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(wording.heading(), "UTF-8"), HtmlUtils.htmlEscape(wording.explanation(), "UTF-8"), status);
    }

    /** RFC 9457 Problem Details (the same shape as the services' and the gateway's other errors). */
    public static String problem(int status, String path) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", known != null ? known.getReasonPhrase() : "Error");
        body.put("status", status);
        body.put("detail", PROBLEM_DETAIL.getOrDefault(status, status >= 500
                ? "The gateway could not complete the request." : "The request was refused."));
        if (path != null) {
            body.put("instance", path);
        }
        return JSON.writeValueAsString(body);
    }
}
