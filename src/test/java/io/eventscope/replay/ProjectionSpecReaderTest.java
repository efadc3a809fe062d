package io.eventscope.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectionSpecReaderTest {

    @Test
    void bankingDefaultIsTheShippedFile() throws Exception {
        ProjectionSpec shipped = ProjectionSpecReader.read(Path.of("assets/projections/banking.json"));
        assertThat(ProjectionSpecReader.banking()).isEqualTo(shipped);
        assertThat(shipped.fieldMapping().entityFields()).startsWith("account", "accountNumber", "account_number")
                .endsWith("subject");
        assertThat(shipped.fieldMapping().timeFields()).containsExactly("timestamp", "ts", "time", "occurredAt");
        assertThat(shipped.operationsFor("WITHDRAWAL")).hasSize(1);
        assertThat(shipped.operationsFor("StatementIssued")).isEmpty();
    }

    @Test
    void badSpecsNameTheProblemAndWhereItIs(@TempDir Path dir) throws Exception {
        assertProblem(dir, "{\"fields\":{\"type\":\"type\"},\"state\":{\"balance\":\"decimal\"},"
                + "\"rules\":[{\"types\":[\"A\"],\"apply\":[{\"op\":\"mul\",\"field\":\"x\",\"to\":\"balance\"}]}]}",
                "rules[0].apply[0].op", "\"mul\" is not one of add, subtract, set");
        assertProblem(dir, "{\"fields\":{\"type\":\"type\"},\"state\":{\"balance\":\"decimal\"},"
                + "\"rules\":[{\"types\":[\"A\"],\"apply\":[{\"op\":\"add\",\"field\":\"x\",\"to\":\"saldo\"}]}]}",
                "rules[0].apply[0].to", "not declared in state");
        assertProblem(dir, "{\"state\":{\"balance\":\"decimal\"},\"rules\":[]}", "fields", "is missing");
        assertProblem(dir, "{\"fields\":{\"type\":\"type\"},\"state\":{\"balance\":\"money\"},\"rules\":[]}",
                "state.balance", "not one of decimal, text");
        assertProblem(dir, "{\"fields\": {", "not valid JSON", "line");
    }

    @Test
    void missingSpecFileIsOneSentence() {
        assertThatThrownBy(() -> ProjectionSpecReader.read(Path.of("no/such/spec.json")))
                .isInstanceOf(ProjectionSpecException.class).hasMessageContaining("does not exist");
    }

    private static void assertProblem(Path dir, String json, String where, String what) throws Exception {
        Path file = dir.resolve("my-spec.json");
        Files.writeString(file, json);
        assertThatThrownBy(() -> ProjectionSpecReader.read(file))
                .isInstanceOf(ProjectionSpecException.class)
                .hasMessageContaining("my-spec.json")
                .hasMessageContaining(where)
                .hasMessageContaining(what);
    }
}
