package io.tollgate.aws.collector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads IAM policy documents (identity and resource policies) for what the checks look for. */
final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVICE_WILDCARD = Pattern.compile("[a-z0-9-]+:\\*");
    /** Condition keys that tie a public principal to one source, as AWS services call Lambda. */
    private static final Set<String> SOURCE_KEYS = Set.of("aws:sourcearn", "aws:sourceaccount", "aws:sourceowner",
            "aws:principalorgid", "aws:principalaccount", "aws:sourceorgid", "aws:principalarn");

    private PolicyDocuments() {
    }

    /** IAM answers with URL-encoded documents; Lambda with plain JSON. */
    static JsonNode parseEncoded(String document) throws IOException {
        return JSON.readTree(URLDecoder.decode(document, StandardCharsets.UTF_8));
    }

    static JsonNode parse(String document) throws IOException {
        return JSON.readTree(document);
    }

    /** The actions an identity policy allows as {@code *}, or as {@code service:*} on resource {@code *}. */
    static List<String> wildcardActions(JsonNode policy) {
        List<String> found = new ArrayList<>();
        for (JsonNode statement : statements(policy)) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            boolean anyResource = values(statement.path("Resource")).contains("*");
            for (String action : values(statement.path("Action"))) {
                if (action.equals("*") || anyResource && SERVICE_WILDCARD.matcher(action.toLowerCase(Locale.ROOT)).matches()) {
                    found.add(action);
                }
            }
        }
        return found;
    }

    /** The statement ids (or positions) of a resource policy that allow everyone without a source condition. */
    static List<String> publicStatements(JsonNode policy) {
        List<String> found = new ArrayList<>();
        int position = 0;
        for (JsonNode statement : statements(policy)) {
            position++;
            if (!"Allow".equals(statement.path("Effect").asText()) || !everyone(statement.path("Principal"))) {
                continue;
            }
            boolean restricted = false;
            for (JsonNode operator : iterable(statement.path("Condition"))) {
                var keys = operator.fieldNames();
                while (keys.hasNext()) {
                    restricted |= SOURCE_KEYS.contains(keys.next().toLowerCase(Locale.ROOT));
                }
            }
            if (!restricted) {
                found.add(statement.hasNonNull("Sid") ? statement.get("Sid").asText() : "statement " + position);
            }
        }
        return found;
    }

    private static boolean everyone(JsonNode principal) {
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        return values(principal.path("AWS")).contains("*");
    }

    private static List<JsonNode> statements(JsonNode policy) {
        JsonNode statement = policy.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(list::add);
        } else if (statement.isObject()) {
            list.add(statement);
        }
        return list;
    }

    private static List<String> values(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isTextual()) {
            list.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(value -> list.add(value.asText()));
        }
        return list;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node.isObject() ? node::elements : List.of();
    }
}
