/**
 * The deterministic banking demo log ({@code eventscope demo}, the bundled sample, the bench and the
 * tests all generate it here). Depends on the JDK only.
 */
package io.eventscope.demo;
