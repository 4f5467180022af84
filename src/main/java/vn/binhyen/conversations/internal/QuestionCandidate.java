package vn.binhyen.conversations.internal;

import vn.binhyen.conversations.MessageReceived;

/**
 * A stored message that may be a question ({@link Questions#mayAsk}), for {@link QuestionListener} after commit.
 *
 * <p>Published beside {@link MessageReceived} rather than read from it with a listener condition: a condition is a
 * SpEL expression evaluated for every message, twice, and in a profile of a village group's burst those evaluations
 * cost more than the event registry's work they saved. Most of a group's talk is no candidate and costs nothing here.
 */
record QuestionCandidate(MessageReceived message) {}
