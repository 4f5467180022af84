package vn.binhyen.reports;

/**
 * What a report is in law, as the receiving officer classifies it (CPC Art. 144). The first three are sources of
 * crime information and start the legal clocks; the others are handled in the ordinary tip workflow.
 */
public enum ReportKind {
    /** Tố giác về tội phạm: an individual reports conduct showing signs of a crime. */
    DENUNCIATION,
    /** Tin báo về tội phạm: information about an incident showing signs of a crime. */
    CRIME_REPORT,
    /** Kiến nghị khởi tố: a state agency's written petition to prosecute. */
    PETITION_TO_PROSECUTE,
    /** Thông tin về an ninh, trật tự: not (yet) about a crime. */
    SECURITY_INFORMATION,
    /** Vi phạm hành chính. */
    ADMINISTRATIVE_VIOLATION,
    /** Không có căn cứ xử lý: closed, always with a reason. */
    NOT_ACTIONABLE;

    public boolean isCrimeSource() {
        return this == DENUNCIATION || this == CRIME_REPORT || this == PETITION_TO_PROSECUTE;
    }

    public String labelKey() {
        return "register.kind." + name();
    }
}
