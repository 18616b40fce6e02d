package io.clipflow.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clipflow.platform.ApiOperations.Field;
import io.clipflow.platform.ApiOperations.Operation;
import io.clipflow.platform.ApiOperations.Parameter;
import io.clipflow.platform.ApiOperations.Schema;

/**
 * The hostile corpus: for every operation of the OpenAPI document, every category of input that applies to it,
 * each a request that differs from a right one (the document's sample values) in one thing only, with the answer
 * it must get. No request is written by hand for one operation.
 */
final class HostileCases {

    enum Category {
        PATH, MALFORMED_JSON, EMPTY_BODY, LARGE_BODY, CONTENT_TYPE, WRONG_TYPE, FRACTION, PAST_TYPE, MISSING_FIELD,
        CONTROL_CHARACTERS, TOO_LONG, PAGING, UNKNOWN_ID, HEADER
    }

    /** One request; {@code codes} empty means any stable code. */
    record Case(Category category, Operation operation, String what, String path, Map<String, String> headers,
            byte[] body, Set<Integer> statuses, Set<String> codes) {

        String name() {
            return operation + " · " + category + " · " + what;
        }
    }

    private static final String JSON = "application/json";
    private static final int TWO_MB = 2 * 1024 * 1024;
    private static final Set<Integer> BAD_REQUEST = Set.of(400);
    private static final Set<String> FIELD_CODES = Set.of("INVALID_FIELD", "VALIDATION");
    private static final Set<String> PARAMETER_CODES = Set.of("VALIDATION", "BAD_REQUEST", "REJECTED_REQUEST");

    private final ObjectMapper json;
    private final List<Case> cases = new ArrayList<>();

    private HostileCases(ObjectMapper json) {
        this.json = json;
    }

    static List<Case> of(ApiOperations api, ObjectMapper json) {
        HostileCases corpus = new HostileCases(json);
        api.all().forEach(corpus::add);
        return List.copyOf(corpus.cases);
    }

    private void add(Operation op) {
        paths(op);
        op.in("path").forEach(p -> pathParameter(op, p));
        op.in("query").forEach(p -> queryParameter(op, p));
        op.in("header").forEach(p -> header(op, p));
        if (op.hasBody()) {
            body(op);
            op.body().forEach(f -> field(op, f));
        }
    }

    /** Dot segments, path parameters, encoded separators and NUL, in front of or behind the operation's path. */
    private void paths(Operation op) {
        String sample = op.samplePath();
        String rest = sample.substring("/api/".length());
        Map<String, String> variants = Map.of(
                "dot segments to engine REST", sample + "/../../engine-rest/user",
                "path parameters to engine REST", sample + "/..;/..;/engine-rest/user",
                "encoded dot segment", "/api/%2e%2e/" + rest,
                "encoded slash", "/api%2F" + rest,
                "encoded backslash", "/api%5C" + rest,
                "encoded NUL", sample + "%00",
                "double slash", "/api//" + rest,
                "session id path parameter", sample + ";jsessionid=hostile",
                "single dot segment", "/api/./" + rest);
        variants.forEach((what, path) -> cases.add(new Case(Category.PATH, op, what, path, sampleHeaders(op),
                sampleBody(op), BAD_REQUEST, Set.of("REJECTED_REQUEST", "BAD_REQUEST"))));
    }

    private void pathParameter(Operation op, Parameter p) {
        Set<Integer> unknown = op.in("header").isEmpty() ? Set.of(404) : Set.of(400, 404, 422);
        if (p.schema().isInteger()) {
            pathValue(op, p, Category.WRONG_TYPE, "not a number", "abc", BAD_REQUEST);
            pathValue(op, p, Category.FRACTION, "a fraction", "1.5", BAD_REQUEST);
            pathValue(op, p, Category.PAST_TYPE, "past int64", "99999999999999999999", BAD_REQUEST);
            pathValue(op, p, Category.UNKNOWN_ID, "unknown id", "987654321", unknown);
        }
        else {
            // a PUT creates what its path names: an id unknown so far is no mistake there
            if (!op.method().equals("PUT")) {
                pathValue(op, p, Category.UNKNOWN_ID, "unknown id", "no-such-" + p.name(), unknown);
            }
            pathValue(op, p, Category.CONTROL_CHARACTERS, "control character", "a%01b", Set.of(400, 404, 422));
            pathValue(op, p, Category.TOO_LONG, "3000 characters", "x".repeat(3000), Set.of(400, 404, 422));
        }
    }

    private void pathValue(Operation op, Parameter p, Category category, String what, String value,
            Set<Integer> statuses) {
        String path = op.samplePath().replace(p.schema().isInteger() ? "/1" : "/hostile", "/" + value);
        cases.add(new Case(category, op, p.name() + " " + what, path, sampleHeaders(op), sampleBody(op), statuses,
                Set.of()));
    }

    private void queryParameter(Operation op, Parameter p) {
        Schema s = p.schema();
        if (s.isInteger()) {
            query(op, p, Category.WRONG_TYPE, "not a number", "abc");
            query(op, p, Category.FRACTION, "a fraction", "1.5");
            query(op, p, Category.PAST_TYPE, "past its type", s.isInt32() ? "2147483648" : "9223372036854775808");
            query(op, p, Category.PAST_TYPE, "an exponent", "1e400");
            query(op, p, Category.PAGING, "Integer.MAX_VALUE", "2147483647");
            query(op, p, Category.PAGING, "negative", "-1");
            query(op, p, Category.PAGING, "Integer.MIN_VALUE", "-2147483648");
        }
        else if (!s.enumValues().isEmpty()) {
            query(op, p, Category.WRONG_TYPE, "not one of " + s.enumValues(), "NOPE");
        }
        else if ("date-time".equals(s.format())) {
            query(op, p, Category.WRONG_TYPE, "not a date-time", "yesterday");
        }
        else {
            query(op, p, Category.CONTROL_CHARACTERS, "NUL", "a%00b");
            query(op, p, Category.CONTROL_CHARACTERS, "escape", "a%1Bb");
            if (s.maxLength() != null) {
                query(op, p, Category.TOO_LONG, "past maxLength", "x".repeat(s.maxLength() + 1));
            }
        }
    }

    private void query(Operation op, Parameter p, Category category, String what, String value) {
        cases.add(new Case(category, op, p.name() + " " + what, op.samplePath() + "?" + p.name() + "=" + value,
                sampleHeaders(op), sampleBody(op), BAD_REQUEST, PARAMETER_CODES));
    }

    private void header(Operation op, Parameter p) {
        for (Map.Entry<String, String> value : Map.of("not a token", "not-a-token", "300 characters",
                "x".repeat(300), "a path", "../../etc/passwd", "SQL", "' OR 1=1 --").entrySet()) {
            Map<String, String> headers = new java.util.HashMap<>(sampleHeaders(op));
            headers.put(p.name(), value.getValue());
            cases.add(new Case(Category.HEADER, op, p.name() + " " + value.getKey(), op.samplePath(), headers,
                    sampleBody(op), Set.of(400, 404, 422), Set.of()));
        }
    }

    private void body(Operation op) {
        String sample = op.sampleBody(json).toString();
        Map<String, String> malformed = Map.of(
                "unclosed object", "{",
                "cut off", sample.substring(0, sample.length() - 1),
                "single quotes", sample.replace('"', '\''),
                "trailing garbage", sample + "xyz",
                "a second value", sample + "{}",
                "a duplicated key", "{" + sample.substring(1, sample.indexOf(',') > 0 ? sample.indexOf(',') : sample.length() - 1) + "," + sample.substring(1),
                "an array", "[" + sample + "]",
                "a string", "\"hostile\"",
                "a number", "42",
                "NUL bytes", "\u0000\u0000");
        malformed.forEach((what, body) -> bodyCase(op, Category.MALFORMED_JSON, what, JSON, body,
                Set.of("MALFORMED_JSON", "INVALID_BODY")));
        bodyCase(op, Category.EMPTY_BODY, "empty", JSON, "", Set.of("MISSING_BODY"));
        bodyCase(op, Category.EMPTY_BODY, "JSON null", JSON, "null", Set.of("MISSING_BODY"));
        bodyCase(op, Category.EMPTY_BODY, "blank", JSON, "   \n", Set.of("MISSING_BODY", "MALFORMED_JSON"));
        bodyCase(op, Category.LARGE_BODY, "2 MB of garbage", JSON, "a".repeat(TWO_MB), Set.of("MALFORMED_JSON"));
        bodyCase(op, Category.LARGE_BODY, "2 MB array", JSON, "[" + "1,".repeat(TWO_MB / 2) + "1]",
                Set.of("INVALID_BODY"));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=hostile", "application/octet-stream", "text/json", "")) {
            String body = type.startsWith("multipart") ? "--hostile\r\nContent-Disposition: form-data; "
                    + "name=\"body\"\r\nContent-Type: application/json\r\n\r\n" + sample + "\r\n--hostile--\r\n"
                    : sample;
            cases.add(new Case(Category.CONTENT_TYPE, op, type.isEmpty() ? "no content type" : type,
                    op.samplePath(), withType(op, type), body.getBytes(StandardCharsets.UTF_8), Set.of(415),
                    Set.of("UNSUPPORTED_MEDIA_TYPE")));
        }
    }

    private void field(Operation op, Field f) {
        Schema s = f.schema();
        List<String> wrong = new ArrayList<>(List.of("{}", "[]"));
        if (s.isInteger()) {
            wrong.addAll(List.of("\"12\"", "true", "\"abc\""));
            fieldCase(op, f, Category.FRACTION, "1.5", "1.5");
            fieldCase(op, f, Category.FRACTION, "1e2", "1e2");
            fieldCase(op, f, Category.PAST_TYPE, "past its type", s.isInt32() ? "2147483648" : "9223372036854775808");
            fieldCase(op, f, Category.PAST_TYPE, "1e400", "1e400");
            fieldCase(op, f, Category.PAST_TYPE, "30 digits", "123456789012345678901234567890");
        }
        else if ("boolean".equals(s.type())) {
            wrong.addAll(List.of("\"yes\"", "\"true\"", "1", "0"));
        }
        else if (!s.enumValues().isEmpty()) {
            wrong.addAll(List.of("\"NOPE\"", "0", "true"));
        }
        else if ("date-time".equals(s.format())) {
            wrong.addAll(List.of("\"tomorrow\"", "1700000000", "\"2030-13-45T99:00:00Z\"", "true"));
        }
        else {
            wrong.addAll(List.of("123", "true", "1.5", "[\"a\"]"));
            for (Map.Entry<String, String> control : Map.of("NUL", "a\\u0000b", "bell", "\\u0007",
                    "ANSI escape", "\\u001b[31mred", "DEL", "a\\u007fb", "C1 control", "a\\u0085b").entrySet()) {
                fieldCase(op, f, Category.CONTROL_CHARACTERS, control.getKey(), "\"" + control.getValue() + "\"");
            }
            if (s.maxLength() != null) {
                fieldCase(op, f, Category.TOO_LONG, "past maxLength", "\"" + "x".repeat(s.maxLength() + 1) + "\"");
            }
            fieldCase(op, f, Category.LARGE_BODY, "2 MB of text", "\"" + "x".repeat(TWO_MB) + "\"");
        }
        wrong.forEach(value -> fieldCase(op, f, Category.WRONG_TYPE, value.length() > 24 ? "long" : value, value));
        if (f.required()) {
            fieldCase(op, f, Category.MISSING_FIELD, "null", "null");
            ObjectNode without = op.sampleBody(json);
            without.remove(f.name());
            bodyCase(op, Category.MISSING_FIELD, f.name() + " left out", JSON, without.toString(), FIELD_CODES);
        }
    }

    private void fieldCase(Operation op, Field f, Category category, String what, String rawValue) {
        ObjectNode body = op.sampleBody(json);
        body.put(f.name(), "\u0001placeholder\u0001");
        String text = body.toString().replace("\"\\u0001placeholder\\u0001\"", rawValue);
        bodyCase(op, category, f.name() + " " + what, JSON, text, FIELD_CODES);
    }

    private void bodyCase(Operation op, Category category, String what, String type, String body, Set<String> codes) {
        cases.add(new Case(category, op, what, op.samplePath(), withType(op, type),
                body.getBytes(StandardCharsets.UTF_8), BAD_REQUEST, codes));
    }

    private Map<String, String> sampleHeaders(Operation op) {
        return op.hasBody() ? Map.of("Content-Type", JSON) : Map.of();
    }

    private Map<String, String> withType(Operation op, String type) {
        return type.isEmpty() ? Map.of() : Map.of("Content-Type", type);
    }

    private byte[] sampleBody(Operation op) {
        return op.hasBody() ? op.sampleBody(json).toString().getBytes(StandardCharsets.UTF_8) : null;
    }

    static JsonNode parse(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
