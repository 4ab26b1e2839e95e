package dev.jobstatus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jobstatus.core.internal.json.Json;
import dev.jobstatus.core.polling.JobView;
import dev.jobstatus.core.polling.PollEvent;
import dev.jobstatus.core.polling.PollListener;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints records as aligned tables or JSON lines, and progress on stderr. */
final class Output {
    private final Context context;
    private final boolean json;

    Output(Context context, boolean json) {
        this.context = context;
        this.json = json;
    }

    /** Prints one record: as a JSON line, or as "field  value" lines. */
    void record(Object record, Map<String, Object> fields) {
        if (json) {
            jsonLine(record);
            return;
        }
        int width = 0;
        for (String name : fields.keySet()) {
            width = Math.max(width, name.length());
        }
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object value = field.getValue();
            lines.append(pad(field.getKey(), width))
                    .append("  ")
                    .append(Terminal.text(value))
                    .append(System.lineSeparator());
        }
        context.out().print(lines);
    }

    /**
     * Prints records as they come (a listing is never held in memory): JSON lines, or table rows under a header
     * with the given column widths.
     *
     * @return how many records were printed
     */
    <T> long rows(
            List<String> header, int[] widths, Iterable<T> records, java.util.function.Function<T, List<Object>> row) {
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
                                row.apply(record).stream().map(Terminal::text).toList(), widths));
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
            context.out().println(line(cells.stream().map(Terminal::text).toList(), new int[] {12, 10, 0}));
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
            context.out().println(Json.writer().with(Terminal.JSON).writeValueAsString(record));
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
