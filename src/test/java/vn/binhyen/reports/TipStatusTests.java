package vn.binhyen.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TipStatusTests {

    @Test
    void followsTheWorkflowFromReceivedToResolved() {
        assertThat(TipStatus.RECEIVED.canMoveTo(TipStatus.ACCEPTED)).isTrue();
        assertThat(TipStatus.ACCEPTED.canMoveTo(TipStatus.ASSIGNED)).isTrue();
        assertThat(TipStatus.ASSIGNED.canMoveTo(TipStatus.IN_PROGRESS)).isTrue();
        assertThat(TipStatus.IN_PROGRESS.canMoveTo(TipStatus.RESOLVED)).isTrue();
    }

    @Test
    void cannotResolveWhatNobodyHasWorkedOn() {
        assertThat(TipStatus.RECEIVED.canMoveTo(TipStatus.RESOLVED)).isFalse();
        assertThat(TipStatus.ACCEPTED.canMoveTo(TipStatus.RESOLVED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = TipStatus.class, names = {"RECEIVED", "ACCEPTED", "ASSIGNED", "IN_PROGRESS"})
    void everyOpenTipCanBeTransferredOrRejected(TipStatus status) {
        assertThat(status.isOpen()).isTrue();
        assertThat(status.next()).contains(TipStatus.TRANSFERRED, TipStatus.REJECTED);
    }

    @ParameterizedTest
    @EnumSource(value = TipStatus.class, names = {"RESOLVED", "TRANSFERRED", "REJECTED"})
    void closedTipsAreFinal(TipStatus status) {
        assertThat(status.isOpen()).isFalse();
        assertThat(status.next()).isEmpty();
        EnumSet.allOf(TipStatus.class).forEach(target -> assertThat(status.canMoveTo(target)).isFalse());
    }

    @Test
    void nothingGoesBackToReceived() {
        EnumSet.allOf(TipStatus.class).forEach(s -> assertThat(s.canMoveTo(TipStatus.RECEIVED)).isFalse());
    }
}
