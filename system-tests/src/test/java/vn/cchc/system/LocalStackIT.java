package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;

/**
 * The platform as a user gets it: {@code ./run-local.sh --detach} starts Kafka, the MongoDB wire server and the five
 * services as separate processes (the jars this build just packaged), and the test talks to the gateway on 8080 only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackIT {
    static final String GATEWAY = "http://127.0.0.1:8080";
    final JsonMapper json = JsonMapper.builder().build();
    final Path root = Path.of(System.getProperty("cchc.root", "..")).toAbsolutePath().normalize();
    final Path home = Path.of(System.getProperty("cchc.home", "target/local-stack")).toAbsolutePath();

    @BeforeAll
    void startStack() throws Exception {
        deleteRecursively(home);
        runLocal(Duration.ofMinutes(5), "--detach");
    }

    @AfterAll
    void stopStack() throws Exception {
        runLocal(Duration.ofMinutes(2), "stop");
    }

    long count(String unitId) {
        Http.Response response = Http.get(GATEWAY + "/api/reports/units/" + unitId + "/counts?year=2026");
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body()).get("total").asLong();
    }

    @Test
    void aPublicationRecordedThroughTheGatewayShowsUpInTheCounts() {
        long before = count("vinh-long.phu-khuong");
        String unique = UUID.randomUUID().toString();

        Http.Response created = Http.postJson(GATEWAY + "/api/publications", """
                {"unitId":"vinh-long.phu-khuong","channel":"WEBSITE","kind":"ARTICLE",
                 "title":"Phường Phú Khương triển khai dịch vụ công trực tuyến toàn trình",
                 "url":"https://phukhuong.vinhlong.gov.vn/tin-tuc/%s","publishedAt":"2026-03-02T08:00:00+07:00"}"""
                .formatted(unique));

        assertThat(created.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count("vinh-long.phu-khuong")).isEqualTo(before + 1));
    }

    @Test
    void badInputThroughTheGatewayIsAProblemAndChangesNothing() {
        long before = count("hai-phong.tien-minh");

        Http.Response rejected = Http.postJson(GATEWAY + "/api/publications", """
                {"unitId":"hai-phong.tien-minh","channel":"RADIO","kind":"BROADCAST","title":"Bản tin",
                 "publishedAt":"2026-03-02T08:00:00+07:00"}""");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = json.readTree(rejected.body()).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("durationSeconds");
        assertThat(count("hai-phong.tien-minh")).isEqualTo(before);
    }

    void runLocal(Duration timeout, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("run-local.sh").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolveSibling("run-local-" + args[0].replace("-", "") + ".log").toFile());
        builder.environment().put("CCHC_HOME", home.toString());
        builder.environment().put("CCHC_SKIP_BUILD", "1"); // this Maven build has just packaged the jars
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(finished).as("run-local.sh %s finished in time", String.join(" ", args)).isTrue();
        assertThat(process.exitValue()).as("run-local.sh %s exit code", String.join(" ", args)).isZero();
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(path);
    }
}
