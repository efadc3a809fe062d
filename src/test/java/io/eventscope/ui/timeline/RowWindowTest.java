package io.eventscope.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowWindowTest {
    @Test
    void aSmallListIsHeldWhole() {
        RowWindow w = new RowWindow(100, 20);
        w.setTotal(40);
        assertThat(w.start()).isZero();
        assertThat(w.length()).isEqualTo(40);
        assertThat(w.cover(30, 10)).isFalse();
        assertThat(w.indexOf(39)).isEqualTo(39);
        assertThat(w.indexOf(40)).isEqualTo(-1);
    }

    @Test
    void aMillionRowsAreHeldAtMostCapacityAtATime() {
        RowWindow w = new RowWindow(4000, 1000);
        w.setTotal(1_000_000);
        assertThat(w.length()).isEqualTo(4000);
        assertThat(w.indexOf(3999)).isEqualTo(3999);
        assertThat(w.indexOf(4000)).isEqualTo(-1);
    }

    @Test
    void jumpingDeepCentresTheWindowOnTheView() {
        RowWindow w = new RowWindow(4000, 1000);
        w.setTotal(1_000_000);
        assertThat(w.cover(500_000, 30)).isTrue();
        // the 30 visible rows 500,000..500,029 sit in the middle of the 4000 held
        assertThat(w.start()).isEqualTo(500_015 - 2000);
        assertThat(w.indexOf(500_000)).isEqualTo(1985);
        assertThat(w.rowAt(w.indexOf(500_029))).isEqualTo(500_029);
    }

    @Test
    void theWindowStaysWhileTheViewIsWellInsideIt() {
        RowWindow w = new RowWindow(4000, 1000);
        w.setTotal(1_000_000);
        w.cover(500_000, 30);
        int start = w.start();
        assertThat(w.cover(start + 1000, 30)).isFalse();
        assertThat(w.cover(start + 4000 - 1000 - 30, 30)).isFalse();
        assertThat(w.start()).isEqualTo(start);
        // one row closer to either edge than the margin and it moves
        assertThat(w.cover(start + 999, 30)).isTrue();
        assertThat(w.indexOf(start + 999)).isBetween(1000, 3000);
    }

    @Test
    void theEndsOfTheListNeedNoMargin() {
        RowWindow w = new RowWindow(4000, 1000);
        w.setTotal(1_000_000);
        assertThat(w.cover(999_970, 30)).isTrue();
        assertThat(w.start()).isEqualTo(996_000);
        assertThat(w.indexOf(999_999)).isEqualTo(3999);
        assertThat(w.cover(999_970, 30)).isFalse();
        assertThat(w.cover(0, 30)).isTrue();
        assertThat(w.start()).isZero();
        assertThat(w.cover(0, 30)).isFalse();
    }

    @Test
    void growingKeepsTheWindowAndShrinkingPullsItBackInside() {
        RowWindow w = new RowWindow(4000, 1000);
        w.setTotal(10_000);
        w.cover(9_970, 30);
        assertThat(w.start()).isEqualTo(6_000);
        w.setTotal(20_000); // live append: the rows on screen stay where they are
        assertThat(w.start()).isEqualTo(6_000);
        assertThat(w.length()).isEqualTo(4000);
        w.setTotal(500); // a filter leaves fewer rows
        assertThat(w.start()).isZero();
        assertThat(w.length()).isEqualTo(500);
    }

    @Test
    void aProbeOnACopyDoesNotMoveTheWindow() {
        RowWindow w = new RowWindow(4000, 1000);
        w.setTotal(1_000_000);
        assertThat(w.copy().cover(700_000, 30)).isTrue();
        assertThat(w.start()).isZero();
    }

    @Test
    void theMarginMustLeaveRoomForTheView() {
        assertThatThrownBy(() -> new RowWindow(100, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
