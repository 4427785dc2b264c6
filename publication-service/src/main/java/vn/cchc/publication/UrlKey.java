package vn.cchc.publication;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The form of a link used to recognise the same item recorded twice: scheme and host in lower case,
 * default port, fragment, tracking parameters ({@code utm_*}, {@code fbclid}) and a trailing slash dropped.
 * http and https count as the same item.
 */
public final class UrlKey {
    private UrlKey() {
    }

    public static String normalize(String url) {
        URI uri = URI.create(url.strip());
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 || port == 443;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !p.toLowerCase(Locale.ROOT).startsWith("utm_") && !p.startsWith("fbclid="))
                .collect(Collectors.joining("&"));
        return host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
    }
}
