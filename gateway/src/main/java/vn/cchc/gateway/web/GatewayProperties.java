package vn.cchc.gateway.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code cchc.gateway.*}: request size limit, per-user rate limit, CORS origins. */
@ConfigurationProperties("cchc.gateway")
public class GatewayProperties {
    private DataSize maxRequestSize = DataSize.ofMegabytes(10);
    /** Routes allowed a different body size than {@link #maxRequestSize} (plan document uploads). */
    private List<SizeOverride> maxRequestSizeOverrides = new ArrayList<>();
    private RateLimit rateLimit = new RateLimit();
    private Cors cors = new Cors();
    /** Concurrent connections to one service (open event streams each hold one). */
    private int maxConnectionsPerService = 200;

    public int getMaxConnectionsPerService() {
        return maxConnectionsPerService;
    }

    public void setMaxConnectionsPerService(int maxConnectionsPerService) {
        this.maxConnectionsPerService = maxConnectionsPerService;
    }

    public static class RateLimit {
        /** Requests a user may make per period (a token bucket refilled evenly over the period). */
        private long capacity = 300;
        private Duration period = Duration.ofMinutes(1);

        public long getCapacity() {
            return capacity;
        }

        public void setCapacity(long capacity) {
            this.capacity = capacity;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }
    }

    /** One route (method + exact path) with its own body size limit. */
    public static class SizeOverride {
        private String method = "POST";
        private String path;
        private DataSize maxSize;

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }
    }

    public List<SizeOverride> getMaxRequestSizeOverrides() {
        return maxRequestSizeOverrides;
    }

    public void setMaxRequestSizeOverrides(List<SizeOverride> maxRequestSizeOverrides) {
        this.maxRequestSizeOverrides = maxRequestSizeOverrides;
    }

    public static class Cors {
        private List<String> allowedOrigins = new ArrayList<>();

        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }
    }

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(RateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Cors getCors() {
        return cors;
    }

    public void setCors(Cors cors) {
        this.cors = cors;
    }
}
