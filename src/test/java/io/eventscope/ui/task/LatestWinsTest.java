package io.eventscope.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestWinsTest {
    /** A runner that holds work until the test releases it, like a slow background seek. */
    static final class HeldRunner implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        @Override
        public void onFx(Runnable action) {
            action.run();
        }

        void releaseOne() {
            held.remove(0).run();
        }
    }

    @Test
    void whileOneComputationRunsOnlyTheNewestRequestRunsNext() {
        HeldRunner runner = new HeldRunner();
        List<Integer> computed = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        LatestWins<Integer, Integer> seeks = new LatestWins<>(runner, q -> {
            computed.add(q);
            return q * 10;
        }, shown::add, e -> { });
        seeks.request(1);
        seeks.request(2);
        seeks.request(3);
        seeks.request(4);
        assertThat(seeks.busy()).isTrue();
        runner.releaseOne();
        runner.releaseOne();
        assertThat(computed).containsExactly(1, 4);
        assertThat(shown).containsExactly(10, 40);
        assertThat(seeks.busy()).isFalse();
    }
}
