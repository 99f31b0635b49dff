package io.segstream.segmentation;

import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import io.segstream.segmentation.stream.InternalTopicsView;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad definitions at the edge: every hostile expression (HostileDefinitions), malformed or mistyped body, huge
 * number, unicode trick and invalid key sent to PUT /api/v1/segments/{key} and POST /api/v1/segments/preview gets a
 * 4xx problem+json with a code, never a 500 or a stack trace, and not one new definition version is stored.
 */
class HostileDefinitionsIT extends SegmentationIntegrationTest {
    private static final String VALID = "{\"kind\": \"AUDIENCE\", \"expression\": \"profile.frequency > 1\"}";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    InternalTopicsView topics;

    /**
     * One request: the PUT's path key, the body (for both endpoints unless {@code putOnly}), its content type.
     * {@code byServer}: a path the web server (Tomcat) or Spring Security's firewall refuses before any Segstream
     * code runs; their 400 is not problem+json yet (see the README), so only "4xx, no stack trace, nothing stored"
     * is asserted for those.
     */
    record Case(String name, String pathKey, byte[] body, String contentType, boolean putOnly, boolean byServer) {
        static Case of(String name, String pathKey, String body) {
            return new Case(name, pathKey, body.getBytes(StandardCharsets.UTF_8), "application/json", false, false);
        }

        Case(String name, String pathKey, byte[] body, String contentType) {
            this(name, pathKey, body, contentType, false, false);
        }

        Case onlyPut() {
            return new Case(name, pathKey, body, contentType, true, byServer);
        }

        Case refusedByServer() {
            return new Case(name, pathKey, body, contentType, putOnly, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void everyHostileDefinitionIsRefusedWithAProblemAndNothingIsStored() throws Exception {
        long versionsBefore = topics.definitionVersionCount();
        long lifecycleBefore = topics.definitions().newest("lifecycle").version();
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);

        List<String> failures = new ArrayList<>();
        for (Case hostile : cases) {
            check(failures, hostile, "PUT", "/api/v1/segments/" + hostile.pathKey());
            if (!hostile.putOnly()) {
                check(failures, hostile, "POST", "/api/v1/segments/preview");
            }
        }

        assertThat(failures).as("hostile definitions not refused with a 4xx problem").isEmpty();
        assertThat(topics.definitionVersionCount()).as("definition versions stored").isEqualTo(versionsBefore);
        assertThat(topics.definitions().newest("lifecycle").version()).isEqualTo(lifecycleBefore);
    }

    private void check(List<String> failures, Case hostile, String method, String path) throws Exception {
        HttpResponse<String> response = http.send(TestTokens.authorized(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)), Role.ADMIN)
                .timeout(Duration.ofSeconds(30))
                .header("content-type", hostile.contentType())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(hostile.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        String contentType = response.headers().firstValue("content-type").orElse("");
        boolean problem = contentType.startsWith("application/problem+json") && body.contains("\"code\":");
        if (response.statusCode() < 400 || response.statusCode() >= 500 || (!problem && !hostile.byServer())
                || body.contains("Exception") || body.contains("\tat ") || body.contains("\\tat ")) {
            failures.add(method + " " + hostile + " -> " + response.statusCode() + " " + contentType + " "
                    + (body.length() > 300 ? body.substring(0, 300) : body));
        }
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        List<String> expressions = HostileDefinitions.expressions();
        for (int i = 0; i < expressions.size(); i++) {
            String expression = expressions.get(i);
            String name = "expression " + i + ": " + (expression.length() > 60 ? expression.substring(0, 60) + "..."
                    : expression);
            cases.add(Case.of(name, "hostile-audience", "{\"key\": \"hostile-audience\", \"kind\": \"AUDIENCE\", "
                    + "\"expression\": " + json(expression) + "}"));
            if (i % 3 == 0) {
                cases.add(Case.of("class " + name, "hostile-dimension", "{\"key\": \"hostile-dimension\", "
                        + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": \"A\", \"when\": " + json(expression)
                        + "}, {\"name\": \"B\", \"when\": \"true\"}]}"));
            }
        }
        bodies(cases);
        keys(cases);
        return cases;
    }

    /** Malformed JSON, wrong types, huge numbers, unicode edge cases, bad classes and descriptions. */
    private static void bodies(List<Case> cases) {
        String k = "\"key\": \"hostile-body\", ";
        List<String> bodies = new ArrayList<>(List.of(
                "", "{", "}", "[]", "null", "\"just a string\"", "42", "true",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": }",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\"}}}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\",}",
                "{'key': 'hostile-body', 'kind': 'AUDIENCE', 'expression': 'true'}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"kind\": \"DIMENSION\", \"expression\": \"true\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\", \"x\": " + "[".repeat(3000)
                        + "]".repeat(3000) + "}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": NaN}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\" /* comment */}",
                "{" + k + "\"kind\": 5, \"expression\": \"true\"}",
                "{" + k + "\"kind\": [\"AUDIENCE\"], \"expression\": \"true\"}",
                "{" + k + "\"kind\": {\"AUDIENCE\": true}, \"expression\": \"true\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": 42}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": true}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": [\"true\"]}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": {\"a\": 1}}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": null}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"   \"}",
                "{" + k + "\"kind\": \"AUDIENCE\"}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": \"HIGH\"}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [1, 2]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": 1, \"when\": true}]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [null]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": \"A\"}]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"when\": \"true\"}]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": []}",
                "{" + k + "\"kind\": \"DIMENSION\"}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": \"A\", \"when\": \"true\"}, "
                        + "{\"name\": \"A\", \"when\": \"true\"}]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": \"true\", \"when\": \"true\"}]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": \"\\u9ad8\", \"when\": \"true\"}]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": \"" + "N".repeat(100)
                        + "\", \"when\": \"true\"}]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": \"A B\", \"when\": \"true\"}]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": \"A\\u0000\", \"when\": \"true\"}]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [" + IntStream.range(0, 31)
                        .mapToObj(i -> "{\"name\": \"C" + i + "\", \"when\": \"true\"}")
                        .collect(Collectors.joining(", ")) + "]}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": \"A\", \"when\": \"true\"}], "
                        + "\"expression\": \"true\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"classes\": [{\"name\": \"A\", \"when\": \"true\"}], "
                        + "\"expression\": \"true\"}",
                "{" + k + "\"kind\": \"DIMENSION\", \"classes\": [{\"name\": \"A\", \"when\": \"false\"}]}",
                "{" + k + "\"kind\": \"audience\", \"expression\": \"true\"}",
                "{" + k + "\"kind\": \"\", \"expression\": \"true\"}",
                "{" + k + "\"kind\": null, \"expression\": \"true\"}",
                "{" + k + "\"kind\": \"SEGMENT\", \"expression\": \"true\"}",
                "{" + k + "\"expression\": \"true\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\", \"version\": 1" + "0".repeat(5000) + "}",
                "{" + k + "\"kind\": 1e999999, \"expression\": \"true\"}",
                "{" + k + "\"kind\": -0, \"expression\": \"true\"}",
                "{" + k + "\"kind\": 123456789012345678901234567890, \"expression\": \"true\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": 1" + "0".repeat(400) + "}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\", \"description\": \"" + "d".repeat(501)
                        + "\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\", \"description\": \"bell\\u0007\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\", \"description\": \"\\ud800\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\", \"description\": \"\\u202eevil\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\", \"description\": 7}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"true\\u0000\"}",
                "{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"\\udfff == ''\"}",
                "{\"key\": 7, \"kind\": \"AUDIENCE\", \"expression\": \"true\"}",
                "{\"key\": \"BAD KEY\", \"kind\": \"AUDIENCE\", \"expression\": \"true\"}",
                "{\"key\": \"" + "k".repeat(10_000) + "\", \"kind\": \"AUDIENCE\", \"expression\": \"true\"}",
                "{\"key\": \"\\u202ehostile\", \"kind\": \"AUDIENCE\", \"expression\": \"true\"}"));
        for (int i = 0; i < bodies.size(); i++) {
            cases.add(Case.of("body " + i + ": " + (bodies.get(i).length() > 80 ? bodies.get(i).substring(0, 80)
                    + "..." : bodies.get(i)), "hostile-body", bodies.get(i)));
        }
        // Valid on its own, so only the PUT refuses it: the key in the body is not the key in the path.
        cases.add(Case.of("body key differs from the path", "hostile-body", "{\"key\": \"another-key\", "
                + "\"kind\": \"AUDIENCE\", \"expression\": \"true\"}").onlyPut());
        // Bytes that are not UTF-8, and bodies that are not JSON at all.
        byte[] notUtf8 = ("{" + k + "\"kind\": \"AUDIENCE\", \"expression\": \"").getBytes(StandardCharsets.UTF_8);
        byte[] withBadBytes = new byte[notUtf8.length + 4];
        System.arraycopy(notUtf8, 0, withBadBytes, 0, notUtf8.length);
        withBadBytes[notUtf8.length] = (byte) 0xFF;
        withBadBytes[notUtf8.length + 1] = (byte) 0xFE;
        withBadBytes[notUtf8.length + 2] = '"';
        withBadBytes[notUtf8.length + 3] = '}';
        cases.add(new Case("body: invalid UTF-8", "hostile-body", withBadBytes, "application/json"));
        cases.add(new Case("body: XML", "hostile-body", "<definition kind=\"AUDIENCE\"/>".getBytes(
                StandardCharsets.UTF_8), "application/xml"));
        cases.add(new Case("body: text", "hostile-body", VALID.getBytes(StandardCharsets.UTF_8), "text/plain"));
        cases.add(new Case("body: form", "hostile-body", "kind=AUDIENCE&expression=true".getBytes(
                StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
    }

    /** Keys that are not valid, in the path of the PUT (the preview gets them in the body). */
    private static void keys(List<Case> cases) {
        List<String> keys = List.of("UPPER", "-lead", "a_b", "a%20b", "x".repeat(100), "%D0%BA%D0%BB%D1%8E%D1%87",
                "%F0%9F%98%80", "a.b", "1abc", "a%2Fb", "a%00b", "a;b", "%E2%80%AEkey", "a%25b", "a%5Cb", "-",
                "%20", "a%0Ab", "%C0%AF", "a:b", "a~b", "a%7Bb%7D");
        // Refused by Tomcat (encoded slash, NUL, backslash, overlong UTF-8) or Spring Security's firewall
        // (semicolon, encoded percent, encoded line break) before the application sees them.
        java.util.Set<String> byServer = java.util.Set.of("a%2Fb", "a%00b", "a%5Cb", "%C0%AF", "a;b", "a%25b",
                "a%0Ab");
        for (String key : keys) {
            String decoded;
            try {
                decoded = java.net.URLDecoder.decode(key, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = key;
            }
            Case hostile = Case.of("key " + key, key, "{\"key\": " + json(decoded)
                    + ", \"kind\": \"AUDIENCE\", \"expression\": \"true\"}");
            cases.add(byServer.contains(key) ? hostile.refusedByServer() : hostile);
        }
        // An existing dimension cannot become an audience.
        cases.add(Case.of("kind change of lifecycle", "lifecycle", "{\"key\": \"lifecycle\", \"kind\": \"AUDIENCE\", "
                + "\"expression\": \"true\"}"));
    }

    /** A JSON string literal; everything outside printable ASCII escaped, so lone surrogates travel as they are. */
    static String json(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
