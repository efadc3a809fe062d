package io.eventscope.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Reading what a user types in the filter bar: terms, quotes, time ranges, and one sentence for a mistake. */
class SearchQueryTest {
    private static final ZoneId LISBON_SUMMER = ZoneOffset.ofHours(1);

    @Test
    void wordsFieldsPointersAndHeadersAreSeparateTerms() {
        SearchQuery q = SearchQuery.parse("  lisbon type=Deposit /data/items/0/sku=A-1 header:ce-type=x amount=10 ",
                ZoneOffset.UTC);
        assertThat(q.text()).isEqualTo("lisbon type=Deposit /data/items/0/sku=A-1 header:ce-type=x amount=10");
        assertThat(q.terms()).hasSize(5);
        assertThat(q.terms().get(0)).isEqualTo(new SearchTerm.Words("lisbon"));
        SearchTerm.Equals pointer = (SearchTerm.Equals) q.terms().get(2);
        assertThat(pointer.ref().path()).containsExactly("data", "items", "0", "sku");
        assertThat(pointer.value()).isEqualTo("A-1");
        assertThat(pointer.number()).isNull();
        assertThat(((SearchTerm.Equals) q.terms().get(3)).ref().kind()).isEqualTo(io.eventscope.event.FieldRef.Kind.HEADER);
        assertThat(((SearchTerm.Equals) q.terms().get(4)).number()).isEqualByComparingTo(new BigDecimal("10.000"));
    }

    @Test
    void quotesKeepSpacesAndEscapedQuotes() {
        SearchQuery q = SearchQuery.parse("owner=\"Jane \\\"JD\\\" Doe\" \"two words\" note=\"\"", ZoneOffset.UTC);
        assertThat(q.terms()).containsExactly(
                new SearchTerm.Equals("owner", io.eventscope.event.FieldRef.parse("owner"), "Jane \"JD\" Doe", null),
                new SearchTerm.Words("two words"),
                new SearchTerm.Equals("note", io.eventscope.event.FieldRef.parse("note"), "", null));
    }

    @Test
    void aWordWithoutANameBeforeEqualsIsJustAWord() {
        assertThat(SearchQuery.parse("=x a=b=c", ZoneOffset.UTC).terms()).containsExactly(
                new SearchTerm.Words("=x"),
                new SearchTerm.Equals("a", io.eventscope.event.FieldRef.parse("a"), "b=c", null));
    }

    @Test
    void timesWithoutAZoneAreReadInTheShownZoneAndWithOneAsWritten() {
        SearchQuery local = SearchQuery.parse("time:2024-03-01T10:00..2024-03-01T12:00:30", LISBON_SUMMER);
        assertThat(local.from()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(local.to()).isEqualTo(Instant.parse("2024-03-01T11:00:30Z"));
        SearchQuery utc = SearchQuery.parse("time:2024-03-01T10:00Z..2024-03-01T12:00+02:00", LISBON_SUMMER);
        assertThat(utc.from()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(utc.to()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
    }

    @Test
    void aDateIsTheWholeDayAndAnEndMayBeOpen() {
        SearchQuery day = SearchQuery.parse("time:2024-03-01..2024-03-01", ZoneOffset.UTC);
        assertThat(day.from()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(day.to()).isEqualTo(Instant.parse("2024-03-01T23:59:59.999999999Z"));
        SearchQuery open = SearchQuery.parse("TIME:2024-03-01T10:00Z..", ZoneOffset.UTC);
        assertThat(open.from()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(open.to()).isNull();
        assertThat(open.terms()).isEmpty();
        assertThat(open.isEmpty()).isFalse();
    }

    @Test
    void aBarNarrowedTwiceKeepsTheOverlap() {
        SearchQuery q = SearchQuery.parse("time:2024-03-01T10:00Z..2024-03-01T12:00Z", ZoneOffset.UTC)
                .within(Instant.parse("2024-03-01T11:00:00Z"), null);
        assertThat(q.from()).isEqualTo(Instant.parse("2024-03-01T11:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
    }

    @Test
    void eachMistakeIsOneSentenceSayingHowToWriteIt() {
        assertThatThrownBy(() -> SearchQuery.parse("owner=\"Jane", ZoneOffset.UTC))
                .isInstanceOf(SearchSyntaxException.class).hasMessage(
                        "The quoted value \"Jane is not closed; end it with another \".");
        assertThatThrownBy(() -> SearchQuery.parse("amount= x", ZoneOffset.UTC))
                .hasMessageStartingWith("\"amount=\" is followed by no value");
        assertThatThrownBy(() -> SearchQuery.parse("time:yesterday", ZoneOffset.UTC))
                .hasMessageStartingWith("\"time:yesterday\" has no \"..\"");
        assertThatThrownBy(() -> SearchQuery.parse("time:2024-13-01..", ZoneOffset.UTC))
                .hasMessageStartingWith("\"2024-13-01\" is not a time;");
        assertThatThrownBy(() -> SearchQuery.parse("time:2024-03-02..2024-03-01", ZoneOffset.UTC))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> SearchQuery.parse("/a/~2=1", ZoneOffset.UTC))
                .hasMessageStartingWith("Cannot search: \"/a/~2\" is not a valid JSON Pointer");
        assertThatThrownBy(() -> SearchQuery.parse("header:=1", ZoneOffset.UTC))
                .hasMessageStartingWith("Cannot search: \"header:\" names no header");
    }

    @Test
    void hostileTextIsReadNotRun() {
        String control = "a\u0000b=\"\u0007\" " + "x".repeat(100_000) + " amount=1e999999999 n=1e99999999999";
        SearchQuery q = SearchQuery.parse(control, ZoneOffset.UTC);
        assertThat(q.terms()).hasSize(4);
        assertThat(((SearchTerm.Equals) q.terms().get(3)).number()).as("an exponent too big is text").isNull();
        assertThatThrownBy(() -> SearchQuery.parse("time:x\u0007y..", ZoneOffset.UTC))
                .hasMessage("\"x?y\" is not a time; write time:FROM..TO with ISO times like 2024-03-01T10:00 (in the "
                        + "shown time zone) or 2024-03-01T10:00Z, or a date alone; either end may be left out.");
    }
}
