package vn.cchc.gateway.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container sends every error raised inside the application (Spring MVC, Spring
 * Security, the authorization server, {@code sendError} anywhere): the Vietnamese page for a browser, Problem Details
 * otherwise. Replaces Spring Boot's English "Whitelabel Error Page".
 */
@Controller
public class ErrorPageController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // opened directly (no error behind it): there is no such page
        int status = code instanceof Integer value && value >= 400 ? value : 404;
        String path = ErrorPages.pathOf(request);
        if (ErrorPages.wantsPage(request)) {
            return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header("Cache-Control", "no-store").body(ErrorPages.html(status, path));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ErrorPages.problem(status, path));
    }
}
