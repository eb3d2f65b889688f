package org.bucketsweep.ui.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The hand-over of items to the UI thread, with a queue standing in for the JavaFX thread's. */
class UiBatcherTest {

    /** The UI thread's queue: runs what was queued, one at a time, in order. */
    private final ArrayDeque<Runnable> uiQueue = new ArrayDeque<>();
    private final List<List<Integer>> handedOver = new ArrayList<>();

    private static List<Integer> numbers(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private List<Integer> everything() {
        return handedOver.stream().flatMap(List::stream).toList();
    }

    @Test
    void withoutBudgetOneHandOverTakesEverythingGathered() {
        UiBatcher<Integer> batcher = new UiBatcher<>(uiQueue::add, handedOver::add);
        batcher.addAll(numbers(0, 10));
        batcher.addAll(numbers(10, 25));
        assertEquals(1, uiQueue.size(), "one hand-over queued however many batches arrive");
        uiQueue.poll().run();
        assertEquals(List.of(numbers(0, 25)), handedOver);
        assertTrue(uiQueue.isEmpty());
    }

    @Test
    void withBudgetEveryItemArrivesInOrderInBoundedBatchesOneQueuedAtATime() {
        UiBatcher<Integer> batcher = new UiBatcher<>(uiQueue::add, 100, n -> 1, handedOver::add);
        batcher.addAll(numbers(0, 250));
        batcher.addAll(numbers(250, 1000));
        int handOvers = 0;
        while (!uiQueue.isEmpty()) {
            assertEquals(1, uiQueue.size(), "never more than one hand-over waits for the UI thread");
            uiQueue.poll().run();
            handOvers++;
            if (handOvers == 3) {
                // More arrives while hand-overs are under way: it queues behind what is pending.
                batcher.addAll(numbers(1000, 1050));
            }
        }
        assertEquals(numbers(0, 1050), everything());
        assertEquals(11, handOvers);
        assertTrue(handedOver.stream().allMatch(b -> b.size() <= 100), "each hand-over within the budget");
        assertFalse(batcher.hasPending());
    }

    @Test
    void itemsAreWeighedAndAnItemOverTheBudgetGoesAlone() {
        List<List<Integer>> pages = new ArrayList<>();
        UiBatcher<List<Integer>> batcher = new UiBatcher<>(uiQueue::add, 1000, List::size, pages::addAll);
        batcher.addAll(List.of(numbers(0, 600), numbers(600, 1000), numbers(1000, 1300), numbers(1300, 3800),
                numbers(3800, 3801)));
        List<Integer> perHandOver = new ArrayList<>();
        while (!uiQueue.isEmpty()) {
            int before = pages.stream().mapToInt(List::size).sum();
            uiQueue.poll().run();
            perHandOver.add(pages.stream().mapToInt(List::size).sum() - before);
        }
        assertEquals(List.of(1000, 300, 2500, 1), perHandOver);
        assertEquals(numbers(0, 3801), pages.stream().flatMap(List::stream).toList());
    }

    @Test
    void flushHandsOverEverythingPendingAndTheQueuedHandOverThenFindsNothing() {
        UiBatcher<Integer> batcher = new UiBatcher<>(uiQueue::add, 10, n -> 1, handedOver::add);
        batcher.addAll(numbers(0, 35));
        uiQueue.poll().run();
        batcher.flush();
        assertEquals(List.of(numbers(0, 10), numbers(10, 35)), handedOver);
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
        assertEquals(2, handedOver.size(), "nothing handed over twice, no empty batch");
        batcher.addAll(numbers(35, 40));
        assertEquals(1, uiQueue.size(), "a batch after the flush is queued again");
        uiQueue.poll().run();
        assertEquals(numbers(0, 40), everything());
    }

    @Test
    void whenTheWorkEndsTheCompletionRunsAfterTheLastHandOverNotBefore() {
        UiBatcher<Integer> batcher = new UiBatcher<>(uiQueue::add, 10, n -> 1, handedOver::add);
        List<Integer> shownAtCompletion = new ArrayList<>();
        batcher.addAll(numbers(0, 25));
        batcher.whenHandedOver(() -> shownAtCompletion.addAll(everything()));
        assertTrue(shownAtCompletion.isEmpty(), "not complete while rows wait");
        uiQueue.poll().run();
        uiQueue.poll().run();
        assertTrue(shownAtCompletion.isEmpty(), "not complete while rows wait");
        uiQueue.poll().run();
        assertEquals(numbers(0, 25), shownAtCompletion);
        assertTrue(uiQueue.isEmpty());

        List<String> completions = new ArrayList<>();
        batcher.whenHandedOver(() -> completions.add("at once"));
        assertEquals(List.of("at once"), completions, "nothing pending: completes at once");
    }
}
