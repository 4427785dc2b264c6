package vn.cchc.gateway.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The web UI (static/index.html) is also the page of the registered OAuth2 redirect URI /ui/callback. */
@Configuration
class WebUiConfiguration implements WebMvcConfigurer {
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/ui/callback").setViewName("forward:/index.html");
        registry.addViewController("/cong-khai").setViewName("forward:/public.html");
    }
}
