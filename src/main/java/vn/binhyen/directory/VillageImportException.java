package vn.binhyen.directory;

import java.util.List;
import vn.binhyen.shared.LocalizedException;

/**
 * A village file that was not imported, with nothing changed: the whole file is wrong (not CSV, not UTF-8, a column
 * missing, too long), or some lines are, each named in {@link #faults()} (the first {@link VillageImporter#FAULTS_KEPT}).
 */
public class VillageImportException extends LocalizedException {

    /** One faulty line: its number in the file (the header is line 1) and what is wrong, as a message key. */
    public record LineFault(long line, String messageKey, Object[] arguments) {}

    private final List<LineFault> faults;
    private final int faultCount;

    VillageImportException(
            String messageKey, String logMessage, List<LineFault> faults, int faultCount, Object... arguments) {
        super(messageKey, logMessage, arguments);
        this.faults = List.copyOf(faults);
        this.faultCount = faultCount;
    }

    public List<LineFault> faults() {
        return faults;
    }

    public int faultCount() {
        return faultCount;
    }
}
