package io.eventscope.ui.session;

/**
 * How the window's loads reach their sources, whichever way they are opened (open, size check, Reload, a
 * case): the memory budget, and the password for sources whose text carries none ({@code view
 * --password-file}). The password is never shown or saved.
 */
public final class LoadAccess {
    private volatile long budgetBytes = -1;
    private volatile String password;

    /** Loads stop (keeping what was read) before a timeline takes more heap than this; ≤ 0: a share of the heap. */
    public void setMemoryBudgetBytes(long bytes) {
        this.budgetBytes = bytes;
    }

    public long memoryBudgetBytes() {
        return budgetBytes;
    }

    /** The broker password (or token) for sources whose text carries none; null for none. */
    public void setPassword(String password) {
        this.password = password;
    }

    public String password() {
        return password;
    }
}
