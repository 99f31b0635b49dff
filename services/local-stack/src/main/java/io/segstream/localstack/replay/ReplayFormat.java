package io.segstream.localstack.replay;

import java.util.Locale;

/** The history files replay understands. */
enum ReplayFormat {
    /** CDNOW master (header, 4 fields) or sample (no header, 5 fields), whitespace separated. */
    CDNOW("cdnow"),
    /** The UCI Online Retail CSV, plain or gzipped. */
    ONLINE_RETAIL("online-retail");

    private final String option;

    ReplayFormat(String option) {
        this.option = option;
    }

    String option() {
        return option;
    }

    static ReplayFormat fromOption(String value) {
        for (ReplayFormat format : values()) {
            if (format.option.equals(value.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + value + "': use cdnow or online-retail");
    }
}
