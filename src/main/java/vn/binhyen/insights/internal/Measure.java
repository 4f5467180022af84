package vn.binhyen.insights.internal;

/**
 * What the rollups count, per unit and day. Each measure says where its facts come from; the dimension ({@code dim})
 * splits it (a channel, an outcome, a time bucket) and is '' when there is none.
 */
public enum Measure {
    /** Tips registered, by channel ({@code TipReceived}). */
    TIPS_RECEIVED,
    /** Tips first answered, by the bucket of minutes from receipt ({@code TipFirstAnswered}). */
    TIP_FIRST_ANSWER,
    /** Tips decided, {@code in_time} or {@code late} against the legal clock ({@code TipDecided}). */
    TIPS_DECIDED,
    /** Tips decided, by the bucket of days from receipt. */
    TIP_DECISION_TIME,
    /** Tips decided, by their final category. */
    TIPS_BY_CATEGORY,
    /** Residents' messages to a commune page ({@code MessageReceived}, resident threads). */
    QUESTIONS,
    /** Residents' questions ({@code QuestionAsked}), {@code good} or {@code unmatched}: no good answer in the catalogue. */
    QUESTIONS_ASKED,
    /** Questions first answered ({@code QuestionAnswered}), {@code automatic} or by an {@code officer}. */
    QUESTIONS_ANSWERED,
    /** Messages in village groups ({@code MessageReceived}, group threads). */
    GROUP_MESSAGES,
    /** Bulletins published, counted once per commune reached, or once at the province when province-wide. */
    BULLETINS,
    /** Urgent alerts raised ({@code UrgentAlertRaised}). */
    URGENT_ALERTS,
    /** Incidents closed, by outcome; {@code PREVENTED}: police acted before it happened ({@code IncidentClosed}). */
    INCIDENTS_CLOSED,
    /** Incidents closed, by watch category (an incident about two categories counts in both). */
    INCIDENTS_BY_CATEGORY;

    public String labelKey() {
        return "insights.measure." + name();
    }
}
