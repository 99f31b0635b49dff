package io.segstream.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Definitions an attacker (or a careless script) might send to PUT /api/v1/segments/{key} and
 * POST /api/v1/segments/preview. Every one must be refused with a 4xx problem before anything is evaluated or stored.
 * Shared by the compiler's unit test (the expressions) and the HTTP test (everything).
 */
public final class HostileDefinitions {

    private HostileDefinitions() {
    }

    /** One hostile request: what it tries, the path key of the PUT, and the raw JSON body. */
    public record Case(String name, String key, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Expressions that try to loop, to blow up, or to read outside profile and segments. */
    public static List<String> expressions() {
        List<String> hostile = new ArrayList<>();
        // Loops: nested comprehensions multiply their iterations; the third level is refused.
        String ten = "[1,2,3,4,5,6,7,8,9,10]";
        hostile.add(ten + ".all(a, " + ten + ".all(b, " + ten + ".all(c, a + b + c > 0)))");
        hostile.add("profile.regions.exists(a, profile.regions.exists(b, profile.regions.exists(c, a == b)))");
        hostile.add("size([1,2,3].map(x, [1,2,3].map(y, [1,2,3].map(z, z)))) > 0");
        hostile.add("[1,2,3].filter(x, size([4,5].filter(y, [6].exists(z, z > x))) > 0) == []");
        hostile.add("[[1,2],[3,4]].exists(l, l.exists(m, [1,2].exists(n, n == m)))");
        hostile.add("profile.categoryShares.exists(k, profile.channelShares.exists(c, "
                + "profile.topicCounts.exists(t, k == c)))");
        hostile.add("segments.all(k, segments.all(j, segments.all(i, k != j)))");
        for (int depth = 3; depth <= 12; depth++) {
            hostile.add(nested(depth));
        }
        hostile.add("[" + IntStream.range(0, 400).mapToObj(Integer::toString).collect(Collectors.joining(","))
                + "].exists(x, x > 0)");
        hostile.add("[" + IntStream.range(0, 150).mapToObj(Integer::toString).collect(Collectors.joining(","))
                + "].all(x, [" + IntStream.range(0, 150).mapToObj(Integer::toString)
                .collect(Collectors.joining(",")) + "].all(y, x != y))");
        // String blow-ups: no repetition function exists, and concatenation is bounded by the length.
        hostile.add("'ab' * 100000000 == ''");
        hostile.add("'x'.repeat(100000000) == ''");
        hostile.add("profile.topCategory * 99999999 == ''");
        hostile.add("size(" + "'aaaaaaaaaa' + ".repeat(120) + "'a') > 0");
        hostile.add("size(profile.topCategory + profile.topCategory" + " + profile.topCategory".repeat(60) + ") > 0");
        hostile.add("[1,2,3].map(x, 'abc' + 'abc').exists(s, s * 1000 == '')");
        // Deep nesting and very long expressions.
        hostile.add("(".repeat(300) + "true" + ")".repeat(300));
        hostile.add("!(".repeat(150) + "true" + ")".repeat(150));
        hostile.add("-(".repeat(150) + "1" + ")".repeat(150) + " > 0");
        hostile.add("[".repeat(250) + "1" + "]".repeat(250) + " == []");
        hostile.add("{'a':".repeat(120) + "1" + "}".repeat(120) + " == {}");
        hostile.add("profile.frequency > 1 && ".repeat(60) + "true");
        hostile.add("profile.frequency > 0 || ".repeat(500) + "true");
        hostile.add("true && ".repeat(20_000) + "true");
        hostile.add("1 + ".repeat(300) + "1 > 0");
        hostile.add("profile.frequency == " + "9".repeat(5000));
        hostile.add("a".repeat(100_000));
        // Reading outside profile and segments: unknown identifiers and fields.
        hostile.add("request.auth.claims.admin == true");
        hostile.add("env.HOME == ''");
        hostile.add("System.getenv('HOME') == ''");
        hostile.add("java.lang.Runtime.getRuntime() != null");
        hostile.add("customer.email != ''");
        hostile.add("profile.email == 'x@example.com'");
        hostile.add("profile.customerId == 'C-1'");
        hostile.add("profile.purchases.size() > 0");
        hostile.add("this.profile.frequency > 1");
        hostile.add("_ == 1");
        hostile.add("__result__ == true");
        hostile.add("@result == true");
        hostile.add("x == 1");
        hostile.add("profiles.frequency > 1");
        hostile.add(".env.frequency > 1");
        // Functions outside the standard set.
        hostile.add("now() > timestamp('2020-01-01T00:00:00Z')");
        hostile.add("getFile('/etc/passwd') != ''");
        hostile.add("http.get('http://169.254.169.254/') != ''");
        hostile.add("exec('rm -rf /') == 0");
        hostile.add("cel.bind(x, profile.frequency, x > 1)");
        hostile.add("math.greatest(1, 2) > 0");
        hostile.add("sets.contains([1], [1])");
        hostile.add("base64.encode(b'a') == ''");
        hostile.add("optional.of(1).hasValue()");
        hostile.add("profile.topCategory.lowerAscii() == ''");
        hostile.add("profile.topCategory.upperAscii() == ''");
        hostile.add("'a,b'.split(',').size() > 0");
        hostile.add("','.join(profile.regions) == ''");
        hostile.add("'%s'.format([profile.topCategory]) == ''");
        hostile.add("strings.quote('a') == ''");
        hostile.add("profile.regions.sortBy(r, r) == []");
        hostile.add("lists.range(1000000).exists(x, x < 0)");
        hostile.add("range(0, 1000000).exists(x, x < 0)");
        hostile.add("profile.topCategory.charAt(0) == 'a'");
        hostile.add("profile.topCategory.indexOf('a') > 0");
        hostile.add("eval('true')");
        hostile.add("load('profile')");
        // type() and dyn() tricks: escaping the declared types.
        hostile.add("type(profile) == map");
        hostile.add("type(profile.frequency) == int");
        hostile.add("type(1) == type(2)");
        hostile.add("type(type) == type");
        hostile.add("int == int");
        hostile.add("dyn(profile).secret == 1");
        hostile.add("dyn(segments)['x'] == 1");
        hostile.add("dyn(1) == 1");
        hostile.add("google.protobuf.Struct{} != null");
        hostile.add("google.protobuf.Value{string_value: 'x'} != null");
        hostile.add("segments.exists(k, type(k) == string)");
        hostile.add("profile.topicCounts.exists(k, dyn(k) == 1)");
        // Macros on maps that reach for what they do not declare.
        hostile.add("profile.categoryShares.all(k, v > 0.0)");
        hostile.add("profile.categoryShares.exists(k, k.secret)");
        hostile.add("segments.map(k, v, v)");
        hostile.add("{'a': request}.exists(k, true)");
        hostile.add("{'a': 1}.exists(k, k.size)");
        hostile.add("profile.channelShares.exists_one(k, env[k])");
        // Not boolean, or not CEL.
        hostile.add("profile.frequency");
        hostile.add("'a string'");
        hostile.add("null");
        hostile.add("[]");
        hostile.add("profile.frequency >");
        hostile.add(")))");
        hostile.add("\"unterminated");
        hostile.add("profile..frequency > 1");
        hostile.add("'\\u12' == ''");
        // Huge numbers.
        hostile.add("profile.frequency > 99999999999999999999999999999");
        hostile.add("profile.frequency > -9223372036854775809");
        hostile.add("profile.frequency > 18446744073709551616u");
        hostile.add("profile.monetary > 1" + "0".repeat(1200) + ".0");
        // Unicode edge cases.
        hostile.add("profile.frequency > 1\u0000");
        hostile.add("profile.frequency\u202E > 1");
        hostile.add("profile.topCategory == '\uD800'");
        hostile.add("profile.topCategory == '\uDC00x'");
        hostile.add("\uD83D\uDC40 > 1");
        hostile.add("\uFF50\uFF52\uFF4F\uFF46\uFF49\uFF4C\uFF45.frequency > 1");
        hostile.add("profile.frequency\u200B > 1\u2067");
        hostile.add("profile.frequency > \u0661");
        return hostile;
    }

    /** A comprehension {@code depth} levels deep over the customer's regions. */
    private static String nested(int depth) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            open.append("profile.regions.exists(v").append(i).append(", ");
            close.append(")");
        }
        return open + "v0 == 'CN-SH'" + close;
    }
}
