/**
 * The one way in: opening a source by its text ({@link io.eventscope.load.Sources}) and loading it into
 * a timeline under a projection ({@link io.eventscope.load.TimelineLoad}), with progress, cancel, the
 * memory budget's one sentence and an optional live tail ({@link io.eventscope.load.LoadedSource}).
 * Uses {@code event}, {@code source} and {@code replay}; they never use it.
 */
package io.eventscope.load;
