package io.eventscope.search;

/** A search the bar cannot read; the message is one sentence for the user (what is wrong, how to write it). */
public final class SearchSyntaxException extends IllegalArgumentException {
    public SearchSyntaxException(String message) {
        super(message);
    }
}
