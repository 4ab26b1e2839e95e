package dev.jobstatus.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a date ({@code 2025-01-31}, its start) or a date-time ({@code 2025-01-31T08:00}, seconds optional). */
final class TimeConverter implements ITypeConverter<LocalDateTime> {
    @Override
    public LocalDateTime convert(String value) {
        String text = value.strip();
        try {
            return text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date such as 2025-01-31 or a date-time such as 2025-01-31T08:00");
        }
    }
}
