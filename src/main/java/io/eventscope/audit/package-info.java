/**
 * Findings and the verdict about a loaded source: {@link io.eventscope.audit.AuditReport} gathers flagged
 * events ({@link io.eventscope.audit.FlagReport}), sequence gaps and partial loads, and later invariants,
 * evidence packs and explain. {@code verify} and the viewer only render it. Uses event, replay, source, load.
 */
package io.eventscope.audit;
