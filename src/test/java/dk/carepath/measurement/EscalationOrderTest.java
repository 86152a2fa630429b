package dk.carepath.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import org.junit.jupiter.api.Test;

/** The order in which waiting escalations get a thread, as the escalation executor's queue keeps it. */
class EscalationOrderTest {

    static Escalations.Queued waiting(long id, Colour colour, long arrival) {
        return new Escalations.Queued(id, new Escalations.Pending(id, colour).urgent(), arrival, () -> { });
    }

    @Test
    void shouldEscalateRedAndUncolouredBeforeEarlierYellowAndCheck() {
        PriorityBlockingQueue<Runnable> queue = new PriorityBlockingQueue<>();
        queue.add(waiting(1, Colour.YELLOW, 1));
        queue.add(waiting(2, Colour.CHECK, 2));
        queue.add(waiting(3, Colour.YELLOW, 3));
        queue.add(waiting(4, Colour.RED, 4));
        queue.add(waiting(5, null, 5));
        queue.add(waiting(6, Colour.RED, 6));

        List<Long> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            order.add(((Escalations.Queued) queue.poll()).id());
        }

        assertThat(order).containsExactly(4L, 5L, 6L, 1L, 2L, 3L);
    }
}
