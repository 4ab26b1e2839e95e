package dev.jobstatus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jobstatus.core.internal.json.Json;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.PollEvent;
import dev.jobstatus.core.polling.PollListener;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/** Prints records as aligned tables or JSON lines, and progress on stderr. */
final class Output {
    private final Context context;
    private final boolean json;
    /** What a JSON line shows of a record: the record itself unless a command says otherwise. */
    private final Function<Object, Object> jsonView;

    Output(Context context, boolean json) {
        this(context, json, Function.identity());
    }

    private Output(Context context, boolean json, Function<Object, Object> jsonView) {
        this.context = context;
        this.json = json;
        this.jsonView = jsonView;
    }

    /**
     * Returns an output whose JSON lines show {@code view} of each record of {@code type} (such as the fields a
     * provider sent, or only those asked for) instead of the whole record.
     */
    <T> Output jsonAs(Class<T> type, Function<T, Object> view) {
        return new Output(context, json, record -> type.isInstance(record) ? view.apply(type.cast(record)) : record);
    }

    /** Prints one record: as a JSON line, or as "field  value" lines, leaving out the fields that have no value. */
    void record(Object record, Map<String, Object> fields) {
        if (json) {
            jsonLine(record);
            return;
        }
        Map<String, String> shown = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            String text = human(value);
            if (!text.isEmpty()) {
                shown.put(name, text);
            }
        });
        int width = 0;
        for (String name : shown.keySet()) {
            width = Math.max(width, name.length());
        }
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> field : shown.entrySet()) {
            lines.append(pad(field.getKey(), width))
                    .append("  ")
                    .append(Terminal.text(field.getValue()))
                    .append(System.lineSeparator());
        }
        context.out().print(lines);
    }

    /** Separates one record from the next: an empty line between tables, nothing between JSON lines. */
    void gap() {
        if (!json) {
            context.out().println();
        }
    }

    /** Returns the parts that have a value, as {@link #human} reads them, joined by {@code separator}. */
    static String words(String separator, Object... parts) {
        StringJoiner text = new StringJoiner(separator);
        for (Object part : parts) {
            String word = human(part);
            if (!word.isEmpty()) {
                text.add(word);
            }
        }
        return text.toString();
    }

    /**
     * Returns a value as a person reads it: a map as {@code k=v, k=v} (a nested one in braces), a list as
     * {@code a, b}, anything else as its text; "" for null or an empty map or list.
     */
    static String human(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder();
            map.forEach((k, v) -> {
                text.append(text.length() == 0 ? "" : ", ").append(k).append('=');
                text.append(v instanceof Map<?, ?> ? "{" + human(v) + "}" : human(v));
            });
            return text.toString();
        }
        if (value instanceof Collection<?> list) {
            StringBuilder text = new StringBuilder();
            list.forEach(v -> text.append(text.length() == 0 ? "" : ", ")
                    .append(v instanceof Map<?, ?> ? "{" + human(v) + "}" : human(v)));
            return text.toString();
        }
        return value.toString();
    }

    /**
     * Prints records as they come (a listing is never held in memory): JSON lines, or table rows under a header
     * with the given column widths.
     *
     * @return how many records were printed
     */
    <T> long rows(List<String> header, int[] widths, Iterable<T> records, Function<T, List<Object>> row) {
        Iterator<T> each = records.iterator();
        // The first page is asked for before the header is printed: a listing that fails at once prints only its error.
        var unused = each.hasNext();
        if (!json) {
            context.out().println(line(header, widths));
        }
        long count = 0;
        while (each.hasNext()) {
            T record = each.next();
            if (json) {
                jsonLine(record);
            } else {
                context.out()
                        .println(line(
                                row.apply(record).stream()
                                        .map(v -> Terminal.text(human(v)))
                                        .toList(),
                                widths));
            }
            count++;
        }
        return count;
    }

    /** Prints one record as it comes: a JSON line, or the given cells on one line. */
    void line(Object record, List<Object> cells) {
        if (json) {
            jsonLine(record);
        } else {
            context.out()
                    .println(line(
                            cells.stream().map(v -> Terminal.text(human(v))).toList(), new int[] {12, 10, 0}));
        }
        context.out().flush();
    }

    /** Shows a progress line on stderr: one live line on a terminal, one line each otherwise. */
    void status(String text) {
        if (context.terminal()) {
            context.err().print("\r\033[2K" + Terminal.text(text));
        } else {
            context.err().println(Terminal.text(text));
        }
        context.err().flush();
    }

    private void jsonLine(Object record) {
        try {
            context.out().println(Json.writer().with(Terminal.JSON).writeValueAsString(jsonView.apply(record)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Returns a listener that reports each poll on stderr: one live line on a terminal, one line each otherwise. */
    <J extends JobView> PollListener<J> progress(String label) {
        return (PollEvent<? extends J> event) -> {
            JobView job = event.job();
            String text = Terminal.text(
                    label + ": " + job.state() + (job.progress().done() == null ? "" : ", " + job.progress()) + " ("
                            + seconds(event.elapsed()) + ", poll " + event.poll() + ")");
            if (context.terminal()) {
                context.err().print("\r\033[2K" + text + (event.nextDelay() == null ? "\n" : ""));
            } else {
                context.err().println(text);
            }
            context.err().flush();
        };
    }

    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String seconds(Duration d) {
        return String.format("%.1fs", d.toMillis() / 1000.0);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).length() > 60 ? cells.get(i).substring(0, 59) + "…" : cells.get(i);
            sb.append(i == cells.size() - 1 ? cell : pad(cell, widths[i]) + "  ");
        }
        return sb.toString().stripTrailing();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
