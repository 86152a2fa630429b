package dk.carepath.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The order in which waiting escalations get a thread of the escalation executor. */
class EscalationOrderTest {

    final List<Long> ran = new CopyOnWriteArrayList<>();

    Escalations.Queued waiting(long id, Colour colour, long arrival) {
        return new Escalations.Queued(id, new Escalations.Pending(id, colour).urgent(), arrival, () -> ran.add(id));
    }

    @Test
    void shouldEscalateRedAndUncolouredBeforeEarlierYellowAndCheck() throws Exception {
        ThreadPoolExecutor executor = Escalations.executor(1);
        CountDownLatch busy = new CountDownLatch(1);
        // the only thread is busy, so everything below waits in the queue
        executor.execute(new Escalations.Queued(0, true, 0, () -> await(busy)));
        executor.execute(waiting(1, Colour.YELLOW, 1));
        executor.execute(waiting(2, Colour.CHECK, 2));
        executor.execute(waiting(3, Colour.YELLOW, 3));
        executor.execute(waiting(4, Colour.RED, 4));
        executor.execute(waiting(5, null, 5));
        executor.execute(waiting(6, Colour.RED, 6));

        busy.countDown();
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(ran).containsExactly(4L, 5L, 6L, 1L, 2L, 3L);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
