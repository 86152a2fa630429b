package dk.carepath.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A kit's life: prepared → registered → delivered → in use → faulty → swapped/in use; collected → refurbished → prepared. */
class KitStatusTest {

    @Test
    void everyStatusHasAWayOn() {
        assertThat(Arrays.stream(KitStatus.values())).allMatch(s -> !s.next().isEmpty());
    }

    @Test
    void aKitIsRefurbishedAndPreparedBeforeItIsUsedAgain() {
        assertThat(KitStatus.COLLECTED.canBecome(KitStatus.IN_USE)).isFalse();
        assertThat(KitStatus.SWAPPED.canBecome(KitStatus.IN_USE)).isFalse();
        assertThat(KitStatus.COLLECTED.canBecome(KitStatus.REFURBISHED)).isTrue();
        assertThat(KitStatus.SWAPPED.canBecome(KitStatus.REFURBISHED)).isTrue();
        assertThat(KitStatus.REFURBISHED.next()).containsExactly(KitStatus.PREPARED);
    }

    @Test
    void onlyAFaultyKitIsSwapped() {
        assertThat(Arrays.stream(KitStatus.values()).filter(s -> s.canBecome(KitStatus.SWAPPED))).containsExactly(KitStatus.FAULTY);
    }

    @Test
    void aKitWithACitizenIsRegisteredDeliveredInUseOrFaulty() {
        assertThat(Arrays.stream(KitStatus.values()).filter(KitStatus::withCitizen))
                .containsExactly(KitStatus.REGISTERED, KitStatus.DELIVERED, KitStatus.IN_USE, KitStatus.FAULTY);
    }
}
