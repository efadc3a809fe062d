package io.eventscope.cli.bench;

import io.eventscope.testing.KafkaTestBroker;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code bench --kafka} against the tests' in-process KRaft broker (which the shipped application
 * does not carry): {@code java -cp <test classpath> io.eventscope.cli.bench.InProcessKafkaBench [bench options]}.
 */
public final class InProcessKafkaBench {
    private InProcessKafkaBench() {
    }

    public static void main(String[] args) throws Exception {
        int exit;
        try (KafkaTestBroker broker = KafkaTestBroker.start()) {
            List<String> all = new ArrayList<>(List.of(args));
            all.add("--kafka");
            all.add(broker.bootstrap());
            exit = new CommandLine(new BenchCommand()).execute(all.toArray(String[]::new));
        }
        System.exit(exit);
    }
}
