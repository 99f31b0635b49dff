package io.segstream.churn.domain.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The CDNOW 1/10 sample of Fader, Hardie and Lee (2005): 2,357 customers who first bought in Q1 1997, with their
 * purchases to 1998-06-30. The file is not in the repository; it is looked up at the system property
 * {@value #PROPERTY}, else as {@value #RELATIVE_PATH} in the working directory or one of its parents (the module
 * directory is three levels below the workspace holding {@code shared/}).
 */
final class CdnowSample {

    static final String PROPERTY = "segstream.cdnow.sample";
    static final String RELATIVE_PATH = "shared/datasets/cdnow/CDNOW_sample.txt";
    /** Last day of the 39-week calibration period of the paper (weeks 1-39 start 1997-01-01). */
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    /** Last day of the data: the 39-week holdout is 1997-10-01 to 1998-06-30 (weeks 40-78). */
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
    private static final int PARENT_LEVELS = 4;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** One customer: distinct purchase days in the whole file. */
    record Customer(String sampleId, TreeSet<LocalDate> purchaseDays) {

        PurchaseSummary calibration(ModelTimeUnit unit) {
            return PurchaseSummary.fromPurchaseDays(purchaseDays, CALIBRATION_END, unit).orElseThrow();
        }

        /** Repeat transactions (distinct days) in the holdout period. */
        int holdoutTransactions() {
            return purchaseDays.tailSet(CALIBRATION_END, false).headSet(HOLDOUT_END, true).size();
        }
    }

    private CdnowSample() {
    }

    static Optional<Path> locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            Path path = Path.of(configured);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int level = 0; level <= PARENT_LEVELS && dir != null; level++, dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Rows: master id, sample id, date YYYYMMDD, CDs, dollars; one customer per sample id. */
    static List<Customer> load(Path file) {
        Map<String, TreeSet<LocalDate>> days = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 3) {
                    continue;
                }
                days.computeIfAbsent(fields[1], id -> new TreeSet<>()).add(LocalDate.parse(fields[2], DATE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Customer> customers = new ArrayList<>();
        days.forEach((id, set) -> customers.add(new Customer(id, set)));
        return customers;
    }
}
