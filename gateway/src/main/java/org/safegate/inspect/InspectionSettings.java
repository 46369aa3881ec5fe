package org.safegate.inspect;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The numbers of the request rules; every one is a setting because programs and files differ.
 *
 * @param maxRecordBytes       a record (CSV record or JSON line) longer than this fails the file (64 KiB)
 * @param quarantineShare      a file whose share of refused records exceeds this is quarantined whole (5%)
 * @param boilerplateShare     a reason text on more than this share of a file's records is boilerplate (10%)
 * @param boilerplateMinCount  ... and only when at least this many records carry it (10), so a small
 *                             file of related requests is not refused for sharing one reason
 * @param oldestTaxYearAge     a taxable year more than this many years before the evaluation year is
 *                             refused as not real (20)
 * @param allowedStatutes      authorities a request may cite besides the agreement's own (for example the
 *                             statute under which the investigation is conducted, 8 U.S.C. 1253(a)(1))
 * @param answerWindow         how long after a request passed its answers are released (90 days)
 * @param writeNormalised      true: passed records are written with name and address normalised (what the
 *                             data holder matches on); false: as received
 */
public record InspectionSettings(int maxRecordBytes, double quarantineShare, double boilerplateShare,
                                 int boilerplateMinCount, int oldestTaxYearAge, List<String> allowedStatutes,
                                 Duration answerWindow, boolean writeNormalised) {

    public static final InspectionSettings DEFAULTS = new InspectionSettings(64 * 1024, 0.05, 0.10, 10, 20,
            List.of(), Duration.ofDays(90), true);

    public InspectionSettings {
        allowedStatutes = List.copyOf(allowedStatutes);
        Objects.requireNonNull(answerWindow, "answerWindow");
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 1024");
        }
        if (!(quarantineShare >= 0 && quarantineShare <= 1 && boilerplateShare > 0 && boilerplateShare <= 1)) {
            throw new IllegalArgumentException("shares must be between 0 and 1");
        }
        if (boilerplateMinCount < 2 || oldestTaxYearAge < 0) {
            throw new IllegalArgumentException("boilerplateMinCount must be at least 2, oldestTaxYearAge not negative");
        }
        if (answerWindow.isNegative() || answerWindow.isZero()) {
            throw new IllegalArgumentException("answerWindow must be positive");
        }
    }

    public InspectionSettings withAllowedStatutes(List<String> statutes) {
        return new InspectionSettings(maxRecordBytes, quarantineShare, boilerplateShare, boilerplateMinCount,
                oldestTaxYearAge, statutes, answerWindow, writeNormalised);
    }

    public InspectionSettings withMaxRecordBytes(int bytes) {
        return new InspectionSettings(bytes, quarantineShare, boilerplateShare, boilerplateMinCount,
                oldestTaxYearAge, allowedStatutes, answerWindow, writeNormalised);
    }

    public InspectionSettings withQuarantineShare(double share) {
        return new InspectionSettings(maxRecordBytes, share, boilerplateShare, boilerplateMinCount,
                oldestTaxYearAge, allowedStatutes, answerWindow, writeNormalised);
    }

    public InspectionSettings withBoilerplate(double share, int minCount) {
        return new InspectionSettings(maxRecordBytes, quarantineShare, share, minCount,
                oldestTaxYearAge, allowedStatutes, answerWindow, writeNormalised);
    }

    public InspectionSettings withAnswerWindow(Duration window) {
        return new InspectionSettings(maxRecordBytes, quarantineShare, boilerplateShare, boilerplateMinCount,
                oldestTaxYearAge, allowedStatutes, window, writeNormalised);
    }

    public InspectionSettings withWriteNormalised(boolean normalised) {
        return new InspectionSettings(maxRecordBytes, quarantineShare, boilerplateShare, boilerplateMinCount,
                oldestTaxYearAge, allowedStatutes, answerWindow, normalised);
    }
}
