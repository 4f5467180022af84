package vn.binhyen.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.binhyen.accounts.SignedInOfficer;

/** Who may target whom, and who must approve: per role, through the bulletins API. */
class BulletinApprovalTests extends BulletinsIntegrationTest {

    @Test
    void anAreaOfficersBulletinToTheirOwnVillageGoesOutDirectly() {
        Place place = place();
        var submitted = bulletins.submit(
                officerA(place),
                null,
                draft(
                        BulletinKind.CRIME_METHOD,
                        "Cảnh báo lừa đảo",
                        villages(place.commune().villageA())));
        assertThat(submitted.status()).isEqualTo(BulletinStatus.PUBLISHED);
        assertThat(bulletins.forCommune(place.commune().code(), 10))
                .extracting(BulletinView::id)
                .contains(submitted.id());
    }

    @Test
    void anAreaOfficersWiderBulletinWaitsForTheChiefAndOnlyTheChiefApprovesIt() {
        Place place = place();
        var submitted = bulletins.submit(
                officerA(place),
                null,
                draft(
                        BulletinKind.CRIME_METHOD,
                        "Cảnh báo hai thôn",
                        villages(place.commune().villageA(), place.commune().villageB())));
        assertThat(submitted.status()).isEqualTo(BulletinStatus.PENDING);
        assertThat(bulletins.forCommune(place.commune().code(), 10))
                .extracting(BulletinView::id)
                .doesNotContain(submitted.id());

        assertThatThrownBy(() -> bulletins.approve(officerB(place), submitted.id()))
                .isInstanceOf(BulletinException.class)
                .extracting("messageKey")
                .isEqualTo("bulletins.error.cannotApprove");
        assertThatThrownBy(() -> bulletins.approve(staff(place), submitted.id()))
                .isInstanceOf(BulletinException.class);
        assertThatThrownBy(() -> bulletins.approve(officerA(place), submitted.id()))
                .isInstanceOf(BulletinException.class);

        assertThat(bulletins.approve(chief(place), submitted.id())).isEqualTo(BulletinStatus.PUBLISHED);
        assertThat(bulletins.get(chief(place), submitted.id()).approverName()).startsWith("Trưởng");
        assertThatThrownBy(() -> bulletins.approve(chief(place), submitted.id()))
                .isInstanceOf(BulletinException.class)
                .extracting("messageKey")
                .isEqualTo("bulletins.error.state");
    }

    @Test
    void anOfficerCannotTargetOutsideTheirUnits() {
        Place here = place();
        Place elsewhere = place();
        assertThatThrownBy(() -> bulletins.submit(
                        officerA(here),
                        null,
                        draft(
                                BulletinKind.SECURITY,
                                "Ngoài địa bàn",
                                villages(elsewhere.commune().villageA()))))
                .isInstanceOf(BulletinException.class)
                .extracting("messageKey")
                .isEqualTo("bulletins.error.audienceOutside");
        assertThatThrownBy(() -> bulletins.submit(
                        chief(here),
                        null,
                        draft(
                                BulletinKind.SECURITY,
                                "Hai xã",
                                Audience.communes(Set.of(
                                        here.commune().code(),
                                        elsewhere.commune().code())))))
                .isInstanceOf(BulletinException.class)
                .extracting("messageKey")
                .isEqualTo("bulletins.error.audienceOutside");
        assertThatThrownBy(() -> bulletins.submit(
                        chief(here),
                        null,
                        draft(BulletinKind.SECURITY, "Toàn tỉnh", new Audience(true, Set.of(), Set.of(), true, true))))
                .isInstanceOf(BulletinException.class)
                .extracting("messageKey")
                .isEqualTo("bulletins.error.audienceOutside");
        assertThatThrownBy(
                        () -> bulletins.submit(chief(here), null, draft(BulletinKind.SECURITY, "Không ai", villages())))
                .isInstanceOf(BulletinException.class)
                .extracting("messageKey")
                .isEqualTo("bulletins.error.audienceEmpty");
    }

    @Test
    void staffNeedTheChiefWhileTheChiefPublishesToTheWholeCommuneDirectly() {
        Place place = place();
        var byStaff = bulletins.submit(
                staff(place),
                null,
                draft(
                        BulletinKind.NOTICE,
                        "Lịch tiếp dân",
                        Audience.communes(Set.of(place.commune().code()))));
        assertThat(byStaff.status()).isEqualTo(BulletinStatus.PENDING);
        var byChief = bulletins.submit(
                chief(place),
                null,
                draft(
                        BulletinKind.NOTICE,
                        "Lịch tiếp dân",
                        Audience.communes(Set.of(place.commune().code()))));
        assertThat(byChief.status()).isEqualTo(BulletinStatus.PUBLISHED);
    }

    @Test
    void anUrgentAlertSkipsApprovalAndIsReviewedAfterwards() {
        Place place = place();
        var alert = bulletins.submit(
                staff(place),
                null,
                draft(
                        BulletinKind.URGENT,
                        "Cháy rừng",
                        Audience.communes(Set.of(place.commune().code()))));
        assertThat(alert.status()).isEqualTo(BulletinStatus.PUBLISHED);
        assertThat(bulletins.get(chief(place), alert.id()).needsReview()).isTrue();
        assertThat(bulletins.actions(chief(place), alert.id()).review()).isTrue();
        assertThat(bulletins.actions(staff(place), alert.id()).review()).isFalse();
        bulletins.markReviewed(chief(place), alert.id());
        assertThat(bulletins.get(chief(place), alert.id()).reviewedAt()).isNotNull();
        assertThat(bulletins.forCommune(place.commune().code(), 10).getFirst().id())
                .isEqualTo(alert.id());
    }

    @Test
    void theProvinceCommandPublishesProvinceWideAndAnAdministratorWritesNothing() {
        Place place = place();
        SignedInOfficer officer = provinceCommand(place);
        var wide = bulletins.submit(
                officer,
                null,
                draft(BulletinKind.LEGAL, "Luật mới", new Audience(true, Set.of(), Set.of(), false, false)));
        assertThat(wide.status()).isEqualTo(BulletinStatus.PUBLISHED);
        assertThat(bulletins.forCommune(place.commune().code(), 50))
                .extracting(BulletinView::id)
                .contains(wide.id());
    }

    @Test
    void aScheduledBulletinGoesOutAtItsTimeAndCanBeCancelledBefore() {
        Place place = place();
        var at = java.time.Instant.now().plusSeconds(2);
        var draft = new BulletinDraft(
                BulletinKind.NOTICE,
                "Hẹn giờ",
                "Họp dân tối nay.",
                Audience.communes(Set.of(place.commune().code())),
                at,
                null);
        var scheduled = bulletins.submit(chief(place), null, draft);
        assertThat(scheduled.status()).isEqualTo(BulletinStatus.SCHEDULED);
        var cancelled = bulletins.submit(chief(place), null, draft);
        bulletins.cancel(chief(place), cancelled.id());
        eventually().until(() -> bulletins.get(chief(place), scheduled.id()).status() == BulletinStatus.PUBLISHED);
        assertThat(bulletins.get(chief(place), cancelled.id()).status()).isEqualTo(BulletinStatus.CANCELLED);
    }

    @Test
    void aCorrectionIsANewBulletinLinkedToTheOld() {
        Place place = place();
        var first = bulletins.submit(
                chief(place),
                null,
                draft(
                        BulletinKind.SECURITY,
                        "Sai giờ",
                        Audience.communes(Set.of(place.commune().code()))));
        var correctionDraft = new BulletinDraft(
                BulletinKind.SECURITY,
                "Đúng giờ",
                "Giờ đúng là 19 giờ.",
                Audience.communes(Set.of(place.commune().code())),
                null,
                first.id());
        var correction = bulletins.submit(chief(place), null, correctionDraft);
        assertThat(bulletins.published(first.id()).orElseThrow().correctedById())
                .isEqualTo(correction.id());
        assertThat(bulletins.published(correction.id()).orElseThrow().correctsId())
                .isEqualTo(first.id());
        assertThatThrownBy(() -> bulletins.submit(chief(place), null, correctionDraft))
                .isInstanceOf(BulletinException.class)
                .extracting("messageKey")
                .isEqualTo("bulletins.error.notCorrectable");
    }
}
