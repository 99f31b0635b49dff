package io.segstream.segmentation.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The named RFM segments and the table that gives every (R, FM) cell exactly one of them: a lookup, not a list of
 * overlapping first-match rules. Rows are R = 5 (bought most recently) down to 1, columns FM = 1 to 5.
 *
 * <pre>
 *  R\FM  1               2                   3                   4        5
 *  5     NEW             POTENTIAL_LOYALIST  POTENTIAL_LOYALIST  LOYAL    CHAMPIONS
 *  4     PROMISING       POTENTIAL_LOYALIST  POTENTIAL_LOYALIST  LOYAL    CHAMPIONS
 *  3     ABOUT_TO_SLEEP  ABOUT_TO_SLEEP      NEED_ATTENTION      LOYAL    LOYAL
 *  2     HIBERNATING     HIBERNATING         AT_RISK             AT_RISK  CANT_LOSE
 *  1     LOST            LOST                AT_RISK             AT_RISK  CANT_LOSE
 * </pre>
 */
public enum RfmSegment {
    CHAMPIONS, LOYAL, POTENTIAL_LOYALIST, NEW, PROMISING, NEED_ATTENTION, ABOUT_TO_SLEEP, AT_RISK, CANT_LOSE,
    HIBERNATING, LOST;

    /** TABLE[5 - r][fm - 1]. */
    private static final RfmSegment[][] TABLE = {
            {NEW, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, LOYAL, CHAMPIONS},
            {PROMISING, POTENTIAL_LOYALIST, POTENTIAL_LOYALIST, LOYAL, CHAMPIONS},
            {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
            {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE},
            {LOST, LOST, AT_RISK, AT_RISK, CANT_LOSE},
    };

    public static RfmSegment of(int r, int fm) {
        if (r < 1 || r > 5 || fm < 1 || fm > 5) {
            throw new IllegalArgumentException("scores are 1 to 5");
        }
        return TABLE[5 - r][fm - 1];
    }

    /** The cells of this segment, each as r * 10 + fm (the code the default rfm definition tests). */
    public List<Integer> cells() {
        List<Integer> cells = new ArrayList<>();
        for (int r = 5; r >= 1; r--) {
            for (int fm = 1; fm <= 5; fm++) {
                if (of(r, fm) == this) {
                    cells.add(r * 10 + fm);
                }
            }
        }
        return cells;
    }
}
