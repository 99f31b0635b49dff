package io.segstream.localstack.faults;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.localstack.FaultableStack;
import io.segstream.runtime.security.Role;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.awaitility.Awaitility.await;

/**
 * Compares every view of the four services with the {@link Truth}, exactly, through their HTTP APIs (the tokens of
 * the roles that read them) and the recorded topics: any difference is a discrepancy naming the view, the customer
 * and both values. Also counts how many events each view was checked against.
 */
final class ViewAudit {
    private static final Duration CALL_PATIENCE = Duration.ofSeconds(30);
    private static final Duration CALL_RETRY = Duration.ofSeconds(1);
    static final List<String> REGION_CLASSES = List.of("UNKNOWN", "EAST_CHINA", "NORTH_CHINA", "SOUTH_CHINA",
            "OTHER_CHINA", "INTERNATIONAL");
    static final List<String> CHANNEL_CLASSES = List.of("NONE", "OMNICHANNEL", "ONLINE", "MOBILE", "IN_STORE",
            "OTHER");

    /** What one pass found: its discrepancies (empty: every view equals the truth) and the figures of the report. */
    record Findings(List<String> discrepancies, Map<String, Long> eventsChecked, Map<String, Integer> topicDuplicates,
                    int alerts, int profiles) {
    }

    private final FaultableStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Role, String> bearers = new HashMap<>();

    ViewAudit(FaultableStack stack) {
        this.stack = stack;
        for (Role role : List.of(Role.MARKETING, Role.OPS)) {
            bearers.put(role, stack.bearer(role));
        }
    }

    Findings check(Truth truth) throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, Long> checked = new LinkedHashMap<>();
        Map<String, Integer> topicDuplicates = new LinkedHashMap<>();
        for (Truth.Customer customer : truth.customers.values()) {
            purchases(customer, wrong, checked);
            feedback(customer, wrong, checked);
            profile(customer, wrong, checked);
            churnRisk(customer, wrong, checked);
        }
        int profiles = memberships("region", REGION_CLASSES, truth, c -> Truth.regionClass(c.region), wrong, checked);
        memberships("channel-preference", CHANNEL_CLASSES, truth, c -> Truth.channelClass(c.channel), wrong, checked);
        if (profiles != truth.customers.size()) {
            wrong.add("segmentation: " + profiles + " profiles, " + truth.customers.size() + " distinct customers");
        }
        int alerts = alerts(wrong);
        recordedTopic(Topics.PURCHASES_RECORDED, truth.purchaseIds, wrong, checked, topicDuplicates);
        recordedTopic(Topics.FEEDBACK_RECORDED, truth.feedbackIds, wrong, checked, topicDuplicates);
        // Every event sent is valid: whatever reached a dead-letter topic was refused wrongly (a race, a lost order).
        for (String incoming : List.of(Topics.PURCHASES_INCOMING, Topics.FEEDBACK_INCOMING)) {
            Map<String, Integer> dead = RecordedTopic.copiesByEventId(stack.bootstrapServers(),
                    Topics.deadLetterOf(incoming));
            if (!dead.isEmpty()) {
                wrong.add(Topics.deadLetterOf(incoming) + ": " + dead.size() + " events dead-lettered, e.g. "
                        + first(new TreeSet<>(dead.keySet())));
            }
        }
        return new Findings(wrong, checked, topicDuplicates, alerts, profiles);
    }

    private void purchases(Truth.Customer customer, List<String> wrong, Map<String, Long> checked) throws Exception {
        List<String> ids = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        long total = -1;
        for (int page = 0; total < 0 || (long) page * 100 < total; page++) {
            JsonNode body = get("purchase-ingestion", "/api/v1/customers/" + customer.id + "/purchases?size=100&page="
                    + page, Role.MARKETING);
            total = body.path("totalElements").asLong();
            for (JsonNode purchase : body.path("purchases")) {
                ids.add(purchase.path("eventId").asString());
                sum = sum.add(decimal(purchase.path("totalAmount")));
            }
        }
        String view = "purchase-ingestion " + customer.id;
        expectSameIds(view, customer.purchaseIds, ids, wrong);
        if (total != customer.purchaseIds.size()) {
            wrong.add(view + ": totalElements " + total + ", truth " + customer.purchaseIds.size());
        }
        if (sum.compareTo(customer.spend) != 0) {
            wrong.add(view + ": total amount " + sum + ", truth " + customer.spend);
        }
        checked.merge("purchase-ingestion purchases", (long) ids.size(), Long::sum);
    }

    private void feedback(Truth.Customer customer, List<String> wrong, Map<String, Long> checked) throws Exception {
        List<String> ids = new ArrayList<>();
        boolean more = true;
        for (int page = 0; more; page++) {
            JsonNode body = get("feedback-collection", "/api/v1/customers/" + customer.id + "/feedback?size=100&page="
                    + page, Role.MARKETING);
            body.path("items").forEach(item -> ids.add(item.path("eventId").asString()));
            more = body.path("hasMore").asBoolean();
        }
        expectSameIds("feedback-collection " + customer.id, customer.feedbackIds, ids, wrong);
        checked.merge("feedback-collection feedback", (long) ids.size(), Long::sum);
    }

    private void profile(Truth.Customer customer, List<String> wrong, Map<String, Long> checked) throws Exception {
        HttpResponse<String> response = call("segmentation", "/api/v1/customers/" + customer.id + "/profile",
                Role.MARKETING);
        String view = "segmentation profile " + customer.id;
        if (response.statusCode() != 200) {
            wrong.add(view + ": HTTP " + response.statusCode());
            return;
        }
        JsonNode profile = ContractJson.mapper().readTree(response.body());
        long orders = profile.path("orderCount").asLong();
        BigDecimal monetary = decimal(profile.path("monetary"));
        long answers = profile.path("feedback").path("npsResponses").asLong();
        Map<String, Long> topics = new TreeMap<>();
        profile.path("feedback").path("topicCounts").properties()
                .forEach(topic -> topics.put(topic.getKey(), topic.getValue().asLong()));
        if (orders != customer.purchaseIds.size()) {
            wrong.add(view + ": orderCount " + orders + ", truth " + customer.purchaseIds.size());
        }
        if (monetary.compareTo(customer.spend) != 0) {
            wrong.add(view + ": monetary " + monetary + ", truth " + customer.spend);
        }
        if (answers != customer.feedbackIds.size()) {
            wrong.add(view + ": npsResponses " + answers + ", truth " + customer.feedbackIds.size());
        }
        if (!topics.equals(customer.topicCounts)) {
            wrong.add(view + ": topicCounts " + topics + ", truth " + customer.topicCounts);
        }
        checked.merge("segmentation profiles (purchases)", orders, Long::sum);
        checked.merge("segmentation profiles (feedback)", answers, Long::sum);
    }

    private void churnRisk(Truth.Customer customer, List<String> wrong, Map<String, Long> checked) throws Exception {
        HttpResponse<String> response = call("churn-alerting", "/api/v1/customers/" + customer.id + "/churn-risk",
                Role.OPS);
        String view = "churn-alerting activity " + customer.id;
        if (response.statusCode() != 200) {
            wrong.add(view + ": HTTP " + response.statusCode());
            return;
        }
        JsonNode risk = ContractJson.mapper().readTree(response.body());
        long purchases = risk.path("purchaseCount").asLong();
        BigDecimal monetary = decimal(risk.path("monetary"));
        if (purchases != customer.purchaseIds.size()) {
            wrong.add(view + ": purchaseCount " + purchases + ", truth " + customer.purchaseIds.size());
        }
        if (monetary.compareTo(customer.spend) != 0) {
            wrong.add(view + ": monetary " + monetary + ", truth " + customer.spend);
        }
        checked.merge("churn-alerting activity", purchases, Long::sum);
    }

    /** The members of every class of a dimension; returns how many profiles they add up to. */
    private int memberships(String key, List<String> classes, Truth truth,
                            java.util.function.Function<Truth.Customer, String> expectedClass, List<String> wrong,
                            Map<String, Long> checked) throws Exception {
        int profiles = 0;
        for (String className : classes) {
            Set<String> expected = new TreeSet<>();
            truth.customers.values().stream().filter(c -> expectedClass.apply(c).equals(className))
                    .forEach(c -> expected.add(c.id));
            List<String> members = new ArrayList<>();
            long total = -1;
            for (int page = 0; total < 0 || (long) page * 1000 < total; page++) {
                JsonNode body = get("segmentation", "/api/v1/segments/" + key + "/members?class=" + className
                        + "&size=1000&page=" + page, Role.MARKETING);
                total = body.path("total").asLong();
                body.path("customerIds").forEach(id -> members.add(id.asString()));
            }
            profiles += members.size();
            expectSameIds("segmentation " + key + "=" + className, expected, members, wrong);
            checked.merge("segmentation " + key + " memberships", (long) members.size(), Long::sum);
        }
        return profiles;
    }

    /** Every alert once; at most one alert per customer that is not RESOLVED. */
    private int alerts(List<String> wrong) throws Exception {
        Set<String> alertIds = new HashSet<>();
        Map<String, Integer> openByCustomer = new HashMap<>();
        long total = -1;
        int seen = 0;
        for (int page = 0; total < 0 || (long) page * 200 < total; page++) {
            JsonNode body = get("churn-alerting", "/api/v1/alerts?size=200&page=" + page, Role.OPS);
            total = body.path("total").asLong();
            for (JsonNode alert : body.path("items")) {
                seen++;
                if (!alertIds.add(alert.path("alertId").asString())) {
                    wrong.add("churn-alerting: alert " + alert.path("alertId").asString() + " listed twice");
                }
                if (!"RESOLVED".equals(alert.path("status").asString())) {
                    openByCustomer.merge(alert.path("customerId").asString(), 1, Integer::sum);
                }
            }
        }
        openByCustomer.forEach((customer, open) -> {
            if (open > 1) {
                wrong.add("churn-alerting: customer " + customer + " has " + open + " alerts open at once");
            }
        });
        return seen;
    }

    private void recordedTopic(String topic, Set<String> expected, List<String> wrong, Map<String, Long> checked,
                               Map<String, Integer> duplicates) {
        Map<String, Integer> copies = RecordedTopic.copiesByEventId(stack.bootstrapServers(), topic);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(copies.keySet());
        Set<String> unexpected = new TreeSet<>(copies.keySet());
        unexpected.removeAll(expected);
        if (!missing.isEmpty()) {
            wrong.add(topic + ": " + missing.size() + " events missing, e.g. " + first(missing));
        }
        if (!unexpected.isEmpty()) {
            wrong.add(topic + ": " + unexpected.size() + " events never sent, e.g. " + first(unexpected));
        }
        duplicates.put(topic, copies.values().stream().mapToInt(n -> n - 1).sum());
        checked.merge(topic, (long) copies.size(), Long::sum);
    }

    private static void expectSameIds(String view, Set<String> expected, List<String> actual, List<String> wrong) {
        Set<String> distinct = new TreeSet<>(actual);
        if (distinct.size() != actual.size()) {
            wrong.add(view + ": " + (actual.size() - distinct.size()) + " events listed more than once");
        }
        if (!distinct.equals(expected)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(distinct);
            Set<String> extra = new TreeSet<>(distinct);
            extra.removeAll(expected);
            wrong.add(view + ": " + missing.size() + " missing " + first(missing) + ", " + extra.size()
                    + " unexpected " + first(extra));
        }
    }

    private static String first(Set<String> ids) {
        return ids.stream().limit(3).toList().toString();
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.isMissingNode() || node.isNull() ? BigDecimal.ZERO : new BigDecimal(node.asString());
    }

    private JsonNode get(String service, String path, Role role) throws Exception {
        HttpResponse<String> response = call(service, path, role);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " on " + service + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return ContractJson.mapper().readTree(response.body());
    }

    /** A GET, retried over connection errors and 503 for a while (a view is read, never changed). */
    private HttpResponse<String> call(String service, String path, Role role) {
        return await("GET " + path + " on " + service + " answering other than 503").atMost(CALL_PATIENCE)
                .pollDelay(Duration.ZERO).pollInterval(CALL_RETRY).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                                .timeout(Duration.ofSeconds(15)).header("Authorization", bearers.get(role)).GET()
                                .build(), HttpResponse.BodyHandlers.ofString()),
                        response -> response.statusCode() != 503);
    }
}
