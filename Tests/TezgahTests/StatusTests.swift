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

    @Test func anExportMovesPaymentAndFulfilmentOnlyForward() {
        #expect(PaymentStatus.partiallyRefunded.updated(byExport: .paid) == .partiallyRefunded)
        #expect(PaymentStatus.partiallyRefunded.updated(byExport: .refunded) == .refunded)
        #expect(PaymentStatus.pending.updated(byExport: .paid) == .paid)
        #expect(PaymentStatus.refunded.updated(byExport: .pending) == .refunded)
        #expect(FulfillmentStatus.fulfilled.updated(byExport: .unfulfilled) == .fulfilled)
        #expect(FulfillmentStatus.unfulfilled.updated(byExport: .partial) == .partial)
        // An order's own status: a cancellation on the platform counts even after shipping.
        #expect(OrderStatus.shipped.updated(byExport: .received) == .shipped)
        #expect(OrderStatus.shipped.updated(byExport: .cancelled) == .cancelled)
    }
}
