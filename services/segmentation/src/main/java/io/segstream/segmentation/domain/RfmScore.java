package io.segstream.segmentation.domain;

/**
 * A customer's recency, frequency and monetary scores, 1 (worst) to 5 (best), as quintiles of the current population,
 * and the combined frequency-monetary score that the RFM segment table uses.
 *
 * @param fm (f + m) / 2 rounded half up: the table's second axis
 */
public record RfmScore(int r, int f, int m, int fm) {

    public RfmScore {
        if (r < 1 || r > 5 || f < 1 || f > 5 || m < 1 || m > 5 || fm < 1 || fm > 5) {
            throw new IllegalArgumentException("RFM scores are 1 to 5");
        }
    }

    public static RfmScore of(int r, int f, int m) {
        return new RfmScore(r, f, m, (f + m + 1) / 2);
    }

    /** The three scores as one code, such as "245" (the rfm field of segment change events). */
    public String code() {
        return "" + r + f + m;
    }
}
