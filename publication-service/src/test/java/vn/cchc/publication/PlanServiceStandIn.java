package vn.cchc.publication;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plays plan-service's {@code GET /api/plans/{id}} over real HTTP for the tests (plan-service is outside the service
 * under test): 200 with a plan view of the given issuing unit for the plans it knows, 500 for the ids told to fail,
 * 404 for every other id; a hanging id answers only when released. It records each call with the Authorization header it carried. One server per JVM, so
 * every test context points {@code cchc.services.plan} at the same address and Spring's context cache still holds.
 */
final class PlanServiceStandIn {
    record Call(String planId, String authorization) {
    }

    /** The plans the existing tests name, all issued by Phú Khương. */
    private static final Map<String, String> DEFAULT_PLANS = Map.of("plan-2026-pk", "vinh-long.phu-khuong",
            "plan-pk", "vinh-long.phu-khuong");
    private static final Map<String, String> PLANS = new ConcurrentHashMap<>(DEFAULT_PLANS);
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    /** Ids answered only once {@link #release()} is called (or after 60 s): plan-service hanging. */
    private static final Set<String> HANGING = ConcurrentHashMap.newKeySet();
    private static volatile CountDownLatch released = new CountDownLatch(1);
    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** The traceparent header of each call (null when it had none). */
    private static final List<String> TRACEPARENTS = new CopyOnWriteArrayList<>();
    private static final HttpServer SERVER = start();

    private PlanServiceStandIn() {
    }

    static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }

    /** Back to the default plans, no failing id, no calls recorded. */
    static void reset() {
        PLANS.clear();
        PLANS.putAll(DEFAULT_PLANS);
        FAILING.clear();
        release();
        HANGING.clear();
        released = new CountDownLatch(1);
        CALLS.clear();
        TRACEPARENTS.clear();
    }

    static void hanging(String planId) {
        HANGING.add(planId);
    }

    /** Lets every hanging call answer (404). */
    static void release() {
        released.countDown();
    }

    static void plan(String planId, String issuingUnitId) {
        PLANS.put(planId, issuingUnitId);
    }

    static void failing(String planId) {
        FAILING.add(planId);
    }

    static List<String> traceparents() {
        return List.copyOf(TRACEPARENTS);
    }

    static List<Call> calls() {
        return List.copyOf(CALLS);
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/plans/", PlanServiceStandIn::answer);
            // a thread per call: a hanging call must not hold up the others
            server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String planId = exchange.getRequestURI().getPath().substring("/api/plans/".length());
            TRACEPARENTS.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            CALLS.add(new Call(planId, exchange.getRequestHeaders().getFirst("Authorization")));
            if (HANGING.contains(planId)) {
                await(released);
            }
            if (FAILING.contains(planId)) {
                send(exchange, 500, """
                        {"type":"about:blank","title":"Internal Server Error","status":500}""");
            } else if (PLANS.containsKey(planId)) {
                send(exchange, 200, """
                        {"id":"%s","status":"ISSUED","revision":1,"createdAt":"2026-01-15T02:00:00Z",
                         "plan":{"issuingUnitId":"%s","title":"Kế hoạch tuyên truyền CCHC năm 2026","year":2026}}"""
                        .formatted(planId, PLANS.get(planId)));
            } else {
                send(exchange, 404, """
                        {"type":"about:blank","title":"Not Found","status":404,"detail":"No plan %s"}""".formatted(planId));
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
