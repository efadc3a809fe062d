package io.eventscope.source.jetstream;

/**
 * One JetStream stream to read.
 *
 * @param stream         the stream name
 * @param filterSubject  only messages on this subject (Memphis: {@code <stream>.final}), or null for all
 * @param partitionLabel the coordinate label shown for its events, or null when it is the only stream
 */
public record StreamRef(String stream, String filterSubject, String partitionLabel) {

    /**
     * This reference with its filter dropped when the stream's subjects cannot hold it (an old station
     * created by hand on subject {@code <stream>} only): the broker would refuse such a consumer.
     */
    StreamRef coveredBy(java.util.List<String> streamSubjects) {
        if (filterSubject == null || streamSubjects == null) {
            return this;
        }
        for (String pattern : streamSubjects) {
            if (matches(pattern, filterSubject)) {
                return this;
            }
        }
        return new StreamRef(stream, null, partitionLabel);
    }

    /** NATS subject matching: {@code *} is one token, {@code >} the rest. */
    static boolean matches(String pattern, String subject) {
        String[] p = pattern.split("\\.", -1);
        String[] s = subject.split("\\.", -1);
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals(">")) {
                return s.length > i;
            }
            if (i >= s.length || (!p[i].equals("*") && !p[i].equals(s[i]))) {
                return false;
            }
        }
        return p.length == s.length;
    }
}
