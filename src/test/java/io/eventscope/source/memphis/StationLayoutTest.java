package io.eventscope.source.memphis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StationLayoutTest {
    @Test
    void namesAreNormalisedAsMemphisDoes() {
        StationName n = StationName.of("Bank.Ledger");
        assertThat(n.display()).isEqualTo("bank.ledger");
        assertThat(n.internal()).isEqualTo("bank#ledger");
        assertThat(StationName.of("bank#ledger$2").internal()).isEqualTo("bank#ledger");
        assertThat(n.partitionStream(3)).isEqualTo("bank#ledger$3");
    }

    @Test
    void partitionsAreFoundInNumericOrderAndPreferredOverALegacyStream() {
        List<String> names = List.of("bank#ledger$10", "bank#ledger$2", "bank#ledger$1", "bank#ledger",
                "bank#ledger2$1", "other");
        StationLayout layout = StationLayout.find(StationName.of("Bank.Ledger"), names);
        assertThat(layout.legacy()).isFalse();
        assertThat(layout.streams()).containsExactly("bank#ledger$1", "bank#ledger$2", "bank#ledger$10");
        assertThat(layout.refs()).allSatisfy(r -> assertThat(r.filterSubject()).isEqualTo(r.stream() + ".final"));
    }

    @Test
    void legacyAndMissingStations() {
        StationLayout legacy = StationLayout.find(StationName.of("orders"), List.of("orders", "x$1"));
        assertThat(legacy.legacy()).isTrue();
        assertThat(legacy.refs()).singleElement().satisfies(r -> {
            assertThat(r.filterSubject()).isEqualTo("orders.final");
            assertThat(r.partitionLabel()).isNull();
        });
        assertThat(StationLayout.find(StationName.of("nope"), List.of("orders"))).isNull();
        assertThat(StationLayout.stationNames(List.of("a#b$1", "a#b$2", "c", "$memphis_dls", "KV_x")))
                .containsExactly("a.b", "c");
        // Every station listed opens by that name; a stream no station name reaches is not listed as one.
        List<String> streams = List.of("AUTHS", "Orders$1", "ledger$1", "bank#ledger");
        assertThat(StationLayout.stationNames(streams)).containsExactly("bank.ledger", "ledger")
                .allSatisfy(name -> assertThat(StationLayout.find(StationName.of(name), streams)).isNotNull());
    }
}
