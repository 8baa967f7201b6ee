import Foundation
import Testing
@testable import Tezgah

/// The rules of the owner's order actions: which status each applies to, what it changes, and the
/// sentence when it does not fit.
@Suite struct OrderActionTests {
    let paid = OrderFacts(status: .received, payment: .paid, fulfillment: .unfulfilled, total: 125_000, refunded: 0, currency: "TRY",
                          tags: ["gift"])

    private func apply(_ action: OrderAction, _ facts: OrderFacts) -> OrderFacts? { try? action.applied(to: facts).get() }

    private func refusal(_ action: OrderAction, _ facts: OrderFacts) -> String? {
        if case .failure(let refusal) = action.applied(to: facts) { refusal.reason.english } else { nil }
    }

    @Test func holdRemembersWhereTheOrderWasAndReleaseGoesBack() throws {
        let preparing = try #require(apply(.markPreparing, paid))
        #expect(preparing.status == .preparing)
        let held = try #require(apply(.hold(reason: "  adres eksik "), preparing))
        #expect(held.status == .onHold)
        #expect(held.holdReason == "adres eksik")
        #expect(refusal(.markPreparing, held) == "is on hold (adres eksik); release it first.")
        #expect(refusal(.ship(carrier: .ups, trackingNumber: "1Z999AA10123456784"), held) == "is on hold (adres eksik); release it first.")
        let released = try #require(apply(.release, held))
        #expect(released.status == .preparing)
        #expect(released.holdReason == nil)
        #expect(refusal(.release, released) == "is not on hold.")
        #expect(refusal(.hold(reason: " "), paid) == "needs a reason to be put on hold.")
    }

    @Test func shippingFulfilsAndCancellingStopsAtTheDoor() throws {
        let shipped = try #require(apply(.ship(carrier: .ups, trackingNumber: "1Z999AA10123456784"), paid))
        #expect(shipped.status == .shipped)
        #expect(shipped.fulfillment == .fulfilled)
        // A second parcel for the same order is allowed.
        #expect(apply(.ship(carrier: .dhl, trackingNumber: "3318810025"), shipped)?.status == .shipped)
        #expect(refusal(.cancel, shipped) == "is shipped; it cannot be cancelled — refund it instead.")
        let cancelled = try #require(apply(.cancel, paid))
        #expect(cancelled.status == .cancelled)
        #expect(refusal(.cancel, cancelled) == "is already cancelled.")
        #expect(refusal(.ship(carrier: .ups, trackingNumber: "1Z999AA10123456784"), cancelled) == "is cancelled; it cannot be shipped.")
    }

    @Test func refundsAddUpToTheTotalAndNoFurther() throws {
        let part = try #require(apply(.refund(Money(minorUnits: 25_000, currency: .try_)), paid))
        #expect(part.payment == .partiallyRefunded)
        #expect(part.refunded == 25_000)
        #expect(refusal(.refund(Money(minorUnits: 100_001, currency: .try_)), part) == "has only ₺1.000,00 left to refund.")
        #expect(refusal(.refund(Money(minorUnits: 100, currency: .eur)), part) == "is in TRY, not EUR.")
        let rest = try #require(apply(.refund(nil), part))
        #expect(rest.payment == .refunded)
        #expect(rest.refunded == 125_000)
        #expect(refusal(.refund(nil), rest) == "is already refunded in full.")
        var pending = paid
        pending.payment = .pending
        #expect(refusal(.refund(nil), pending) == "is not paid; there is nothing to refund.")
        #expect(OrderAction.refund(nil).logDetail(before: part, after: rest) == "₺1.000,00 (in full)")
    }

    @Test func notesAppendAndTagsFoldTurkishCase() throws {
        let noted = try #require(apply(.addNote("Kapıya bırakın"), apply(.addNote("Hediye paketi"), paid)!))
        #expect(noted.note == "Hediye paketi\nKapıya bırakın")
        let tagged = try #require(apply(.addTag("İndirim"), paid))
        #expect(tagged.tags == ["gift", "İndirim"])
        #expect(refusal(.addTag("indirim"), tagged) == "is already tagged indirim.")
        #expect(refusal(.addTag("a,b"), tagged) == "needs a tag without commas.")
        #expect(apply(.removeTag("INDIRIM"), tagged)?.tags == ["gift"])
        #expect(refusal(.removeTag("vip"), tagged) == "has no tag vip.")
    }

    @Test func onlyWhatCustomersCareAboutSendsMail() {
        #expect(OrderAction.markPreparing.customerMail == .orderPreparing)
        #expect(OrderAction.ship(carrier: .ups, trackingNumber: "x").customerMail == .shipped)
        #expect(OrderAction.cancel.customerMail == .cancelled)
        #expect(OrderAction.refund(nil).customerMail == .refunded)
        #expect(OrderAction.hold(reason: "x").customerMail == nil)
        #expect(OrderAction.addNote("x").customerMail == nil)
    }

    @Test func amountsAsPeopleTypeThem() {
        func lira(_ text: String) -> Int64? { Money(parsing: text, currency: .try_)?.minorUnits }
        #expect(lira("125,50") == 12_550)
        #expect(lira("125.50") == 12_550)
        #expect(lira("₺1.250,00") == 125_000)
        #expect(lira("1.250") == 125_000)      // a lone dot before three digits groups thousands
        #expect(lira("1,234.56") == 123_456)
        #expect(lira("12") == 1_200)
        #expect(lira("12,345,6") == nil)
        #expect(lira("12.345") == 1_234_500)
        #expect(lira("1,2345") == nil)
        #expect(lira("abc") == nil)
        #expect(lira("-5") == nil)
        #expect(Money(parsing: "1234.50", currency: .usd, decimalSeparator: ".")?.minorUnits == 123_450)
        #expect(Money(parsing: "1,234.50", currency: .usd, decimalSeparator: ".") == nil)
        #expect(Money(parsing: "500", currency: .jpy)?.minorUnits == 500)
    }

    @Test func filterTextSplitsIntoWordsAndTerms() {
        let query = FilterQuery("status:preparing carrier:ups tag:\"gift wrap\" placed:<7d ayşe 10:30 status:")
        #expect(query.words == ["ayşe", "10:30"])
        #expect(query.terms.map(\.field) == ["status", "carrier", "tag", "placed"])
        #expect(query.terms[2].value == "gift wrap")
        let context = FilterContext(now: Date(timeIntervalSince1970: 1_795_400_000), timeZone: TimeZone(identifier: "Europe/Istanbul")!)
        let week = FilterTimeRange.parse("<7d", context: context)
        #expect(week?.from == Date(timeIntervalSince1970: 1_795_400_000 - 7 * 86_400))
        #expect(week?.to == nil)
        let day = FilterTimeRange.parse("2026-11-01", context: context)
        #expect(day?.from == Date(timeIntervalSince1970: 1_793_480_400)) // midnight in İstanbul (UTC+3)
        #expect(day.flatMap { range in range.to.map { $0.timeIntervalSince(range.from!) } } == 86_400)
        #expect(FilterTimeRange.parse(">2026-11-01", context: context)?.from == Date(timeIntervalSince1970: 1_793_566_800))
        #expect(FilterTimeRange.parse("soon", context: context) == nil)
    }

    @Test func carriersByCodeOrName() {
        #expect(Carrier(named: "yurtiçi") == .yurtici)
        #expect(Carrier(named: "YURTICI KARGO") == .yurtici)
        #expect(Carrier(named: "ups") == .ups)
        #expect(Carrier(named: "pigeon") == nil)
        #expect(TrackingLinks(templates: [.ups: "https://track.example/{n}"]).url(.ups, "1Z 999") == "https://track.example/1Z999")
    }
}
