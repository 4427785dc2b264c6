package vn.cchc.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable examples of one markdown page: its fenced {@code bash} blocks that call {@code curl}, in page order, as
 * one shell script (a page is a walk-through: a variable set in one block, such as {@code $TOKEN}, is used in the next).
 * The docs' convention: examples are written against {@code http://localhost:8080} (services on 8081-8084, the gateway's management port
 * 8170), sign in themselves with the demo accounts, take ids from earlier answers ({@code PLAN=$(curl … | jq -r .id)})
 * and say in a comment when the answer is meant to be an error ({@code # 404}); a stated code is the expected answer.
 */
final class DocExamples {
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("(?:https?://)?(?:localhost|127\\.0\\.0\\.1):(808[0-4]|8170)\\b");
    private static final Pattern CURL_START = Pattern.compile("^\\s*(?:[A-Za-z_][A-Za-z_0-9]*=\\$\\()?curl\\s");
    private static final Pattern HEREDOC = Pattern.compile("<<-?'?([A-Za-z_]+)'?\\s*$");
    private static final Pattern STATED_STATUS = Pattern.compile("\\s#\\s.*?(?<![\\d.])([1-5]\\d\\d)(?![\\d.])");

    /** One shell command of the page: its first and last line in the page (1-based) and the status its comment states. */
    record Command(int firstLine, int lastLine, String text, boolean startsWithCurl, Optional<Integer> statedStatus) {
    }

    final Path page;
    final List<Command> commands = new ArrayList<>();
    /** script line (1-based) → page line */
    private final List<Integer> pageLines = new ArrayList<>();
    private final StringBuilder script = new StringBuilder();

    private DocExamples(Path page) {
        this.page = page;
    }

    static DocExamples read(Path page, String prelude, int portBase) throws IOException {
        DocExamples examples = new DocExamples(page);
        prelude.lines().forEach(line -> examples.append(line, 0));
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).strip().equals("```bash")) {
                i++;
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            List<String> block = lines.subList(start, end);
            if (block.stream().anyMatch(l -> l.contains("curl "))) {
                examples.addBlock(block, start + 1, portBase);
            }
            i = end + 1;
        }
        return examples;
    }

    private void addBlock(List<String> block, int firstPageLine, int portBase) {
        append("", 0);
        int commandStart = -1;
        boolean inSingle = false;
        boolean inDouble = false;
        String heredocEnd = null;
        for (int k = 0; k < block.size(); k++) {
            String line = block.get(k);
            int pageLine = firstPageLine + k;
            append(localAddresses(line, portBase), pageLine);
            if (heredocEnd != null) { // a file written on the spot: its lines are data, not commands
                if (line.strip().equals(heredocEnd)) {
                    heredocEnd = null;
                }
                continue;
            }
            Matcher heredoc = HEREDOC.matcher(line);
            if (heredoc.find() && commandStart < 0 && !inSingle && !inDouble) {
                heredocEnd = heredoc.group(1);
                continue;
            }
            if (commandStart < 0) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                commandStart = k;
            }
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == '\'' && !inDouble) {
                    inSingle = !inSingle;
                } else if (ch == '"' && !inSingle && (c == 0 || line.charAt(c - 1) != '\\')) {
                    inDouble = !inDouble;
                } else if (ch == '#' && !inSingle && !inDouble && (c == 0 || Character.isWhitespace(line.charAt(c - 1)))) {
                    break; // a comment: quotes in it do not count
                }
            }
            if (!inSingle && !inDouble && !line.stripTrailing().endsWith("\\")) {
                List<String> span = block.subList(commandStart, k + 1);
                commands.add(new Command(firstPageLine + commandStart, pageLine, String.join("\n", span),
                        CURL_START.matcher(span.getFirst()).find(), statedStatus(span)));
                commandStart = -1;
            }
        }
    }

    private static Optional<Integer> statedStatus(List<String> span) {
        for (String line : span) {
            Matcher m = STATED_STATUS.matcher(line);
            if (m.find()) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** {@code localhost:8080} → the stack's gateway, 8081-8084 its services, 8170 the gateway's management port. */
    static String localAddresses(String line, int portBase) {
        Matcher m = LOCAL_ADDRESS.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int port = portBase + Integer.parseInt(m.group(1)) - 8080;
            m.appendReplacement(out, "http://127.0.0.1:" + port);
        }
        m.appendTail(out);
        return out.toString();
    }

    private void append(String line, int pageLine) {
        script.append(line).append('\n');
        pageLines.add(pageLine);
    }

    boolean isEmpty() {
        return commands.isEmpty();
    }

    String script() {
        return script.toString();
    }

    /** The command of the page that a script line (as bash reports it) belongs to. */
    Optional<Command> commandAt(int scriptLine) {
        if (scriptLine < 1 || scriptLine > pageLines.size()) {
            return Optional.empty();
        }
        int pageLine = pageLines.get(scriptLine - 1);
        return commands.stream().filter(c -> c.firstLine() <= pageLine && pageLine <= c.lastLine()).findFirst();
    }
}
