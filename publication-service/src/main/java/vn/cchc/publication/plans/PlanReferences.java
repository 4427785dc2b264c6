package vn.cchc.publication.plans;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.FieldError;

/**
 * Checks a publication's {@code planId} against plan-service, which owns the plans (this service keeps none): the
 * plan must be one the caller may read ({@code GET /api/plans/{id}} with the caller's own bearer token, so
 * plan-service applies its own unit scopes) and the publication's unit must be on the plan's line — its issuing unit,
 * beneath it, or above it. Anything else is one answer, {@code unknown-plan}, whether the plan exists or not.
 */
@Component
public class PlanReferences {
    public static final String RULE = "unknown-plan";
    private static final Logger log = LoggerFactory.getLogger(PlanReferences.class);
    /** Request attribute: plans already looked up for this request (an import names the same plan on many rows). */
    private static final String LOOKED_UP = PlanReferences.class.getName() + ".lookedUp";

    /** What plan-service said of one plan id: its issuing unit, or nothing when the caller may not read it. */
    private record Lookup(Optional<String> issuingUnitId) {
    }

    private final RestClient plans;
    private final JsonMapper json;

    PlanReferences(@Value("${cchc.services.plan:http://127.0.0.1:8081}") String planService, JsonMapper json,
                   ObjectProvider<ObservationRegistry> observations) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(5));
        // observed: the call carries the request's trace (traceparent) to plan-service
        this.plans = RestClient.builder().baseUrl(planService).requestFactory(requests)
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)).build();
        this.json = json;
    }

    /**
     * The {@code unknown-plan} error when {@code planId} is not a plan the caller may read whose line holds
     * {@code unitId} (null: the unit is reported wrong elsewhere; only readability is checked); empty when it is.
     *
     * @throws PlanServiceUnavailableException plan-service is down, failing or too slow
     */
    public Optional<FieldError> check(String planId, String unitId) {
        Optional<String> issuing = lookUp(planId).issuingUnitId();
        boolean onLine = issuing.isPresent() && (unitId == null
                || UnitPath.within(unitId, issuing.get()) || UnitPath.within(issuing.get(), unitId));
        return onLine ? Optional.empty() : Optional.of(new FieldError("planId", RULE,
                "Not a plan you may read whose issuing unit is this publication's unit, above it or beneath it."));
    }

    private Lookup lookUp(String planId) {
        Optional<HttpServletRequest> request = currentRequest();
        Map<String, Lookup> lookedUp = request.map(PlanReferences::lookedUp).orElseGet(HashMap::new);
        Lookup known = lookedUp.get(planId);
        if (known == null) {
            String authorization = request.map(r -> r.getHeader(HttpHeaders.AUTHORIZATION)).orElse(null);
            // without a caller's token (not an API request) nothing can be confirmed: the plan is not accepted
            known = authorization == null ? new Lookup(Optional.empty()) : fetch(planId, authorization);
            lookedUp.put(planId, known);
        }
        return known;
    }

    private Lookup fetch(String planId, String authorization) {
        try {
            return plans.get().uri("/api/plans/{id}", planId)
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((call, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.is2xxSuccessful()) {
                            return new Lookup(issuingUnit(planId, response.getBody().readAllBytes()));
                        }
                        if (status.value() == 400 || status.value() == 403 || status.value() == 404) {
                            return new Lookup(Optional.empty()); // absent or out of the caller's reach: one answer
                        }
                        throw new PlanServiceUnavailableException("plan-service answered " + status.value(), null);
                    });
        } catch (RestClientException e) {
            log.warn("plan-service unreachable checking plan {}: {}", planId, e.toString());
            throw new PlanServiceUnavailableException("plan-service unreachable", e);
        }
    }

    /**
     * The plan view keeps its content under {@code plan}; the issuing unit is {@code plan.issuingUnitId}. A body that
     * is not this plan (an id such as "." reaching another path) names no plan.
     */
    private Optional<String> issuingUnit(String planId, byte[] body) {
        JsonNode view;
        try {
            view = json.readTree(body);
        } catch (RuntimeException unreadable) {
            throw new PlanServiceUnavailableException("plan-service answered an unreadable plan", unreadable);
        }
        JsonNode unit = view.path("plan").path("issuingUnitId");
        if (!planId.equals(view.path("id").asString(null)) || !unit.isString() || !UnitPath.isValid(unit.asString())) {
            return Optional.empty();
        }
        return Optional.of(unit.asString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Lookup> lookedUp(HttpServletRequest request) {
        Object cache = request.getAttribute(LOOKED_UP);
        if (cache == null) {
            cache = new HashMap<String, Lookup>();
            request.setAttribute(LOOKED_UP, cache);
        }
        return (Map<String, Lookup>) cache;
    }

    private static Optional<HttpServletRequest> currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? Optional.of(servlet.getRequest()) : Optional.empty();
    }
}
