package org.bucketsweep.app.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 2025-01-31} is the start of that day in UTC; a full instant or offset date-time is taken as is. */
final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.trim();
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                throw new TypeConversionException("'" + value + "' is not a date such as 2025-01-31 (the start"
                        + " of that day in UTC) or an instant such as 2025-01-31T12:00:00Z.");
            }
        }
    }
}
