package io.eventscope.event;

import java.util.function.Consumer;

/**
 * A reader of a streamed timeline that reads only the positions it has not read before, and only published
 * ones ({@link Timeline#size()}). A streaming writer hands it the timeline each time a batch starts decoding
 * on the other thread, not only when a burst is full: its work (a fold) then overlaps the decoding instead
 * of following it while the second core waits.
 */
public interface CatchUpReader extends Consumer<Timeline> {
}
