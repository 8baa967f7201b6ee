import Testing
@testable import Tezgah

@Suite struct StatusTests {
    @Test func tiersFollowYearlyPoints() {
        #expect(LoyaltyTier.forYearlyPoints(0) == .member)
        #expect(LoyaltyTier.forYearlyPoints(999) == .member)
        #expect(LoyaltyTier.forYearlyPoints(1_000) == .silver)
        #expect(LoyaltyTier.forYearlyPoints(5_000) == .gold)
        #expect(LoyaltyTier.member < LoyaltyTier.gold)
    }

    @Test func marketingKindsAreCappedAndOrderNoticesAreNot() {
        #expect(MailKind.birthday.category == .marketing)
        #expect(MailKind.reviewInvite.category == .marketing)
        #expect(MailKind.shipped.category == .transactional)
        #expect(MailKind.supportReply.category == .transactional)
    }

    @Test func finalShipmentStatuses() {
        #expect(ShipmentStatus.delivered.isFinal)
        #expect(ShipmentStatus.returnedToSender.isFinal)
        #expect(!ShipmentStatus.exception.isFinal)
    }

    @Test func pageKeysOrderBySortThenID() {
        #expect(PageKey(sort: 1, id: 9) < PageKey(sort: 2, id: 1))
        #expect(PageKey(sort: 2, id: 1) < PageKey(sort: 2, id: 2))
    }
}
