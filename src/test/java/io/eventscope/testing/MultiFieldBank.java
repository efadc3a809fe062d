package io.eventscope.testing;

import io.eventscope.replay.ProjectionSpec;
import io.eventscope.replay.ProjectionSpecReader;
import io.eventscope.replay.ProjectionSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A banking projection with several state fields (balance, deposited, status), for viewer tests: deposits
 * add to balance and deposited, withdrawals subtract from balance, AccountOpened/AccountClosed set the
 * status from the payload's "status".
 */
public final class MultiFieldBank {
    public static final String JSON = """
            {"name": "bank-multi", "fields": {"type": ["type"], "entity": ["account"], "time": ["timestamp"]},
             "state": {"balance": "decimal", "deposited": "decimal", "status": "text"},
             "rules": [
               {"types": ["Deposit"], "apply": [{"op": "add", "field": "amount", "to": "balance"},
                                                {"op": "add", "field": "amount", "to": "deposited"}]},
               {"types": ["Withdrawal"], "apply": [{"op": "subtract", "field": "amount", "to": "balance"}]},
               {"types": ["AccountOpened", "AccountClosed"], "apply": [{"op": "set", "field": "status", "to": "status"}]}
             ]}
            """;

    private MultiFieldBank() {
    }

    public static ProjectionSpec spec() {
        try {
            return ProjectionSpecReader.parse(JSON, "bank-multi.json");
        } catch (ProjectionSpecException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the spec as {@code dir/bank-multi.json}. */
    public static Path file(Path dir) {
        try {
            return Files.writeString(dir.resolve("bank-multi.json"), JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
