/**
 * The filter bar's search terms, parsed and matched without JavaFX: free words, {@code name=value},
 * {@code /json/pointer=value}, {@code header:name=value} and {@code time:FROM..TO} ({@link SearchQuery});
 * {@link SearchMatcher} tests one timeline position against them, reading payloads with a streaming
 * parser ({@link PayloadPointer}) and never matching a masked value by what it hides.
 */
package io.eventscope.search;
