package vn.binhyen.knowledge.web;

import vn.binhyen.knowledge.internal.EntryContent;
import vn.binhyen.knowledge.internal.Topic;

/** The console's edit form; lists are typed one item per line. */
class EntryForm {

    private String title = "";
    private String questions = "";
    private String summary = "";
    private String audience = "";
    private String documents = "";
    private String steps = "";
    private String submission = "";
    private String timeLimit = "";
    private String fee = "";
    private String legalBasis = "";
    private String changeNote = "";
    private Topic topic = Topic.OTHER;

    static EntryForm of(EntryContent content) {
        var form = new EntryForm();
        form.title = content.title();
        form.questions = String.join("\n", content.questions());
        form.summary = content.summary();
        form.audience = content.audience();
        form.documents = String.join("\n", content.documents());
        form.steps = String.join("\n", content.steps());
        form.submission = content.submission();
        form.timeLimit = content.timeLimit();
        form.fee = content.fee();
        form.legalBasis = content.legalBasis();
        return form;
    }

    EntryContent content() {
        return new EntryContent(
                title.strip(),
                lines(questions),
                summary.strip(),
                audience.strip(),
                lines(documents),
                lines(steps),
                submission.strip(),
                timeLimit.strip(),
                fee.strip(),
                legalBasis.strip());
    }

    private static java.util.List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null ? "" : title;
    }

    public String getQuestions() {
        return questions;
    }

    public void setQuestions(String questions) {
        this.questions = questions == null ? "" : questions;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary == null ? "" : summary;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience == null ? "" : audience;
    }

    public String getDocuments() {
        return documents;
    }

    public void setDocuments(String documents) {
        this.documents = documents == null ? "" : documents;
    }

    public String getSteps() {
        return steps;
    }

    public void setSteps(String steps) {
        this.steps = steps == null ? "" : steps;
    }

    public String getSubmission() {
        return submission;
    }

    public void setSubmission(String submission) {
        this.submission = submission == null ? "" : submission;
    }

    public String getTimeLimit() {
        return timeLimit;
    }

    public void setTimeLimit(String timeLimit) {
        this.timeLimit = timeLimit == null ? "" : timeLimit;
    }

    public String getFee() {
        return fee;
    }

    public void setFee(String fee) {
        this.fee = fee == null ? "" : fee;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis == null ? "" : legalBasis;
    }

    public String getChangeNote() {
        return changeNote;
    }

    public void setChangeNote(String changeNote) {
        this.changeNote = changeNote == null ? "" : changeNote;
    }

    public Topic getTopic() {
        return topic;
    }

    public void setTopic(Topic topic) {
        this.topic = topic == null ? Topic.OTHER : topic;
    }
}
