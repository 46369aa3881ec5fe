package org.safegate.inspect;

/**
 * Told of each answer record as it is released: which request it answers and where it is, so the
 * caller can record which delivered answer file carried the answers to which request.
 */
@FunctionalInterface
public interface ReleasedAnswers {
    ReleasedAnswers NONE = (requestId, sourceLine, line) -> { };

    /**
     * @param requestId  the request it answers (trimmed, as it was checked)
     * @param sourceLine the line it starts on in the answer file as the data holder sent it
     * @param line       the line it starts on in the file of released answers (the one delivered)
     */
    void released(String requestId, long sourceLine, long line);
}
