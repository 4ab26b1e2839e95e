package dev.jobstatus.redis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures what the module logs (its {@code System.Logger} goes to java.util.logging), formatted as printed. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.jobstatus.redis");
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    List<String> lines(Level level) {
        return records.stream()
                .filter(r -> r.getLevel().equals(level))
                .map(formatter::format)
                .toList();
    }

    String all() {
        StringBuilder text = new StringBuilder();
        records.forEach(r -> text.append(formatter.format(r)));
        return text.toString();
    }

    @Override
    public void publish(LogRecord logRecord) {
        records.add(logRecord);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
