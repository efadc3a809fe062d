package io.eventscope.demo;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a realistic, deterministic banking event log as JSON Lines: accounts opened over time,
 * deposits, withdrawals that mostly respect the balance, signed adjustments, events with no balance
 * effect, irregular timestamps, alias field names, and a sprinkle of malformed lines. The same
 * {@code (events, seed)} always gives the same bytes.
 */
public final class DemoLog {
    public static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    /** How each event is written: a flat object, or a CloudEvents 1.0 envelope with the fields in {@code data}. */
    public enum Shape { FLAT, CLOUDEVENTS }

    private final int events;
    private final int accounts;
    private final SplittableRandom random;
    private final Shape shape;
    private final EventIds eventIds;

    public DemoLog(int events, int accounts, long seed) {
        this(events, accounts, seed, Shape.FLAT);
    }

    /** The same events (same seed, same draws) in the given shape. */
    public DemoLog(int events, int accounts, long seed, Shape shape) {
        this.shape = shape;
        if (events < 0) {
            throw new IllegalArgumentException("events must be 0 or more");
        }
        this.events = events;
        this.accounts = Math.max(1, accounts);
        this.random = new SplittableRandom(seed);
        this.eventIds = new EventIds(random::nextLong);
    }

    /** Accounts for a log of {@code events}: a few hundred for the demo's size. */
    public static int defaultAccounts(int events) {
        return Math.max(20, Math.min(500, events / 40));
    }

    public void write(Writer out) throws IOException {
        long[] balanceCents = new long[accounts];
        boolean[] opened = new boolean[accounts];
        long millis = START.toEpochMilli();
        StringBuilder line = new StringBuilder(160);
        for (int n = 1; n <= events; n++) {
            millis += gapMillis();
            line.setLength(0);
            int malformed = random.nextInt(1000);
            if (malformed < 3) {
                malformedLine(line, malformed, millis);
            } else {
                int a = random.nextInt(accounts);
                if (!opened[a]) {
                    opened[a] = true;
                    event(line, "AccountOpened", a, millis);
                    line.append(",\"owner\":\"Customer ").append(a + 1).append('"');
                    close(line);
                } else {
                    normalEvent(line, a, balanceCents, millis);
                }
            }
            out.write(line.append('\n').toString());
        }
        out.flush();
    }

    private long gapMillis() {
        // Mostly seconds apart, sometimes bursts within the same second, sometimes quiet minutes.
        int kind = random.nextInt(100);
        if (kind < 15) {
            return random.nextInt(250);
        }
        if (kind < 97) {
            return 1_000 + random.nextInt(9_000);
        }
        return 60_000 + random.nextInt(240_000);
    }

    private void normalEvent(StringBuilder line, int a, long[] balance, long millis) {
        int r = random.nextInt(100);
        if (r < 42 || (r < 78 && balance[a] <= 0)) {
            long cents = amountCents(50_000_00L);
            balance[a] += cents;
            event(line, random.nextInt(5) == 0 ? "FundsDeposited" : "Deposit", a, millis);
            amount(line, cents);
            close(line);
        } else if (r < 78) {
            long cents = Math.min(amountCents(20_000_00L), Math.max(1, balance[a]));
            if (random.nextInt(50) == 0) {
                cents = balance[a] + amountCents(500_00L); // an overdraft now and then
            }
            balance[a] -= cents;
            event(line, random.nextInt(5) == 0 ? "FundsWithdrawn" : "Withdrawal", a, millis);
            amount(line, cents);
            close(line);
        } else if (r < 86) {
            long cents = amountCents(300_00L) * (random.nextBoolean() ? 1 : -1);
            balance[a] += cents;
            event(line, random.nextInt(4) == 0 ? "BalanceAdjusted" : "Adjustment", a, millis);
            amount(line, cents);
            line.append(",\"reason\":\"").append(cents < 0 ? "fee" : "interest").append('"');
            close(line);
        } else if (r < 94) {
            event(line, "StatementIssued", a, millis);
            line.append(",\"period\":\"2024-0").append(1 + random.nextInt(3)).append('"');
            close(line);
        } else {
            event(line, "AddressChanged", a, millis);
            line.append(",\"city\":\"").append(CITIES[random.nextInt(CITIES.length)]).append('"');
            close(line);
        }
    }

    private static final String[] CITIES = {"Lisbon", "Oslo", "Ghent", "Porto", "Turku", "Graz", "Leeds"};

    private long amountCents(long maxCents) {
        // Round amounts are common in real ledgers; cents appear on most others.
        long cents = 100 + (long) (Math.pow(random.nextDouble(), 3) * maxCents);
        return random.nextInt(4) == 0 ? (cents / 100_00L + 1) * 100_00L : cents;
    }

    /** Ends an event's object (and its CloudEvents envelope). */
    private void close(StringBuilder line) {
        line.append(shape == Shape.CLOUDEVENTS ? "}}" : "}");
    }

    private void event(StringBuilder line, String type, int account, long millis) {
        if (shape == Shape.CLOUDEVENTS) {
            cloudEvent(line, type, account, millis);
            return;
        }
        line.append("{\"type\":\"").append(type).append('"');
        String id = accountId(account);
        int alias = random.nextInt(20);
        if (alias == 0) {
            line.append(",\"accountNumber\":\"").append(id).append('"');
        } else if (alias == 1) {
            line.append(",\"account_number\":\"").append(id).append('"');
        } else {
            line.append(",\"account\":\"").append(id).append('"');
        }
        if (random.nextInt(25) == 0) {
            line.append(",\"ts\":").append(millis);
        } else {
            line.append(",\"timestamp\":\"").append(Instant.ofEpochMilli(millis)).append('"');
        }
        line.append(",\"eventId\":\"").append(eventIds.next()).append('"');
    }

    /** The envelope of a CloudEvent (structured mode) and the start of its {@code data}; the same draws as flat. */
    private void cloudEvent(StringBuilder line, String type, int account, long millis) {
        String id = accountId(account);
        int alias = random.nextInt(20);
        random.nextInt(25);
        String eventId = eventIds.next();
        line.append("{\"specversion\":\"1.0\",\"type\":\"").append(type)
                .append("\",\"source\":\"/demo/bank\",\"id\":\"").append(eventId)
                .append("\",\"time\":\"").append(Instant.ofEpochMilli(millis))
                .append("\",\"subject\":\"").append(id)
                .append("\",\"datacontenttype\":\"application/json\",\"data\":{");
        line.append(alias == 0 ? "\"accountNumber\":\"" : alias == 1 ? "\"account_number\":\"" : "\"account\":\"")
                .append(id).append('"');
    }

    private void amount(StringBuilder line, long cents) {
        String text = BigDecimal.valueOf(cents, 2).toPlainString();
        if (random.nextInt(6) == 0) {
            line.append(",\"amount\":\"").append(text).append('"'); // numeric string
        } else {
            line.append(",\"amount\":").append(text);
        }
    }

    static String accountId(int account) {
        return String.format("ACC-%05d", account + 1);
    }

    private void malformedLine(StringBuilder line, int kind, long millis) {
        int a = random.nextInt(accounts);
        switch (random.nextInt(6)) {
            case 0 -> { // truncated write
                event(line, "Deposit", a, millis);
                line.append(",\"amount\":12");
            }
            case 1 -> line.append("ERROR 2024-03-01 connection reset by peer");
            case 2 -> { // a deposit without amount
                event(line, "Deposit", a, millis);
                close(line);
            }
            case 3 -> { // locale-formatted amount
                event(line, "Withdrawal", a, millis);
                line.append(",\"amount\":\"12,50\"");
                close(line);
            }
            case 4 -> line.append("[\"Deposit\",").append(kind).append(']');
            default -> line.append("{\"account\":\"").append(accountId(a)).append("\",\"amount\":10}");
        }
    }
}
