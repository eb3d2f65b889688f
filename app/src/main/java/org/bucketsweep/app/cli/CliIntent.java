package org.bucketsweep.app.cli;

import java.util.ArrayList;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The intents {@code delete --intent} offers, by their command-line names. */
enum CliIntent {
    ALL_VERSIONS("all-versions"),
    NONCURRENT("noncurrent"),
    UNDELETE("undelete"),
    ROLLBACK("rollback"),
    MARKERS("markers");

    final String cliName;

    CliIntent(String cliName) {
        this.cliName = cliName;
    }

    /** picocli's completion candidates, also the list an error message offers. */
    static final class Names extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Names() {
            for (CliIntent i : values()) {
                add(i.cliName);
            }
        }
    }

    static final class Converter implements ITypeConverter<CliIntent> {
        @Override
        public CliIntent convert(String value) {
            for (CliIntent i : values()) {
                if (i.cliName.equalsIgnoreCase(value.trim())) {
                    return i;
                }
            }
            throw new TypeConversionException("'" + value + "' is not an intent; use one of "
                    + String.join(", ", new Names()) + ".");
        }
    }
}
