/**
 * The viewer's findings: {@link io.eventscope.ui.audit.FindingsViewModel} holds what the core's audit
 * report says about the opened source; {@link io.eventscope.ui.audit.FindingsView} only binds to it.
 */
package io.eventscope.ui.audit;
