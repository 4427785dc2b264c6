package vn.cchc.task;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.cchc.security.CurrentUser;

@SpringBootApplication
public class TaskServiceApplication {
    static {
        // the caller comes from the bearer token, not from request parameters: keep it out of the OpenAPI document
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    public static void main(String[] args) {
        SpringApplication.run(TaskServiceApplication.class, args);
    }
}
