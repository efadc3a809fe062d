/**
 * Case files ({@code .esc}) and {@code eventscope://} links: what an investigation saved (source without
 * credentials, projection, window, filters, cursor, charted entities, bookmarks), its strict reader, its
 * writer, and the check of bookmarks against the events a reopened source holds. Data only: nothing in a
 * case file is run, and it names sources only through the schemes the normal open path accepts.
 */
package io.eventscope.casefile;
