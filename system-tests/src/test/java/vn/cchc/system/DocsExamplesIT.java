package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code curl} example of README.md and docs/*.md, run as written against the local stack (issue 16: the docs'
 * examples drifted: docs/plans.md issued a plan with {@code If-Match: "1"} right after a create whose ETag is
 * {@code "0"}, and got 412). Each page's fenced bash blocks run in order as one bash script in a scratch directory,
 * {@code localhost:8080} (and the services' 8081-8084, the management port 8170) replaced by this stack's ports
 * ({@link DocExamples}). {@code curl} is wrapped to keep each answer's headers, tagged with the line that called it, so
 * every answer is judged: the status a comment states ({@code # 404}) when it states one, else anything below 400; and
 * every command that starts with {@code curl} must have been answered.
 */
@ExtendWith(LocalStack.Started.class)
class DocsExamplesIT {
    /** curl wrapped: headers of each call into its own file named after the script line that made the call. */
    private static final String PRELUDE = """
            curl() {
              local line=${BASH_LINENO[$(( ${#BASH_LINENO[@]} - 2 ))]}
              command curl --max-time 60 -D "$CCHC_ANSWERS/$line.$(date +%s%N).$BASHPID" "$@"
            }
            """;
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/[\\d.]+ (\\d{3})", Pattern.MULTILINE);

    @TempDir
    Path scratch;

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(LocalStack.ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(LocalStack.ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void theDocsHaveExamplesToRun() throws IOException {
        int curls = 0;
        for (Path page : pages()) {
            curls += (int) DocExamples.read(page, PRELUDE, LocalStack.PORT_BASE).commands.stream().filter(DocExamples.Command::startsWithCurl).count();
        }
        assertThat(curls).as("curl commands found in README.md and docs/*.md").isGreaterThan(80);
        assertThat(DocExamples.localAddresses("curl -s localhost:8080/api/x http://127.0.0.1:8084/y http://127.0.0.1:8170/z", 16080))
                .isEqualTo("curl -s http://127.0.0.1:16080/api/x http://127.0.0.1:16084/y http://127.0.0.1:16170/z");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAnswersAsThePageSays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            DocExamples examples = DocExamples.read(page, PRELUDE, LocalStack.PORT_BASE);
            if (!examples.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(LocalStack.ROOT.relativize(page).toString(), () -> run(examples)));
            }
        }
        return tests.stream();
    }

    private void run(DocExamples examples) throws Exception {
        String name = examples.page.getFileName().toString();
        Path work = Files.createDirectories(scratch.resolve(name + ".work"));
        Path answers = Files.createDirectories(scratch.resolve(name + ".answers"));
        Path script = scratch.resolve(name + ".sh");
        Files.writeString(script, examples.script(), StandardCharsets.UTF_8);
        Path output = scratch.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("CCHC_ANSWERS", answers.toString());
        Process bash = builder.start();
        boolean finished = bash.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            bash.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("the examples of %s finished within 10 minutes; printed:%n%s", name, tail(printed)).isTrue();

        List<String> wrong = new ArrayList<>();
        Set<DocExamples.Command> answered = new HashSet<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(answers)) {
            files = listed.sorted().toList();
        }
        for (Path file : files) {
            int scriptLine = Integer.parseInt(file.getFileName().toString().split("\\.")[0]);
            DocExamples.Command command = examples.commandAt(scriptLine).orElse(null);
            if (command == null) {
                wrong.add("a curl call at script line " + scriptLine + " belongs to no example");
                continue;
            }
            answered.add(command);
            Integer status = lastStatus(Files.readString(file, StandardCharsets.ISO_8859_1));
            boolean right = status != null && command.statedStatus().map(status::equals).orElse(status < 400);
            if (!right) {
                wrong.add("%s:%d answered %s, the page says %s:%n    %s".formatted(name, command.firstLine(),
                        status == null ? "nothing" : status, command.statedStatus().map(String::valueOf).orElse("2xx/3xx"),
                        command.text().replace("\n", "\n    ")));
            }
        }
        examples.commands.stream().filter(DocExamples.Command::startsWithCurl).filter(c -> !answered.contains(c))
                .forEach(c -> wrong.add("%s:%d was never answered:%n    %s".formatted(name, c.firstLine(), c.text().replace("\n", "\n    "))));
        assertThat(wrong).as("examples of %s that do not answer as the page says; the script printed:%n%s", name, tail(printed)).isEmpty();
    }

    /** The final status of one call's headers (after any 100 Continue). */
    private static Integer lastStatus(String headers) {
        Matcher m = STATUS_LINE.matcher(headers);
        Integer status = null;
        while (m.find()) {
            int code = Integer.parseInt(m.group(1));
            if (code >= 200) {
                status = code;
            }
        }
        return status;
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : "…" + text.substring(text.length() - 6000);
    }
}
