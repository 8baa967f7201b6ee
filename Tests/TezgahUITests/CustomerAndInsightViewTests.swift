import Foundation
import Testing
@testable import Tezgah
@testable import TezgahUI

/// The customer view and the Insight view: drawn at 80×24 and 120×40 (text, and the roles colour
/// is drawn with), and their keys: moving, opening a row in its pane, coming back.
@Suite struct CustomerAndInsightViewTests {
    static func profile() -> CustomerProfile {
        var customer = Customer(id: 7, name: "Ayşe Yılmaz", email: "ayse@example.com.tr", language: "tr", city: "İstanbul",
                                country: "TR", createdAt: Fixtures.now.addingTimeInterval(-400 * 86_400),
                                birthday: DateComponents(year: 1990, month: 2, day: 28))
        customer.id = 7
        var profile = CustomerProfile(customer: customer)
        profile.orderCount = 12
        profile.spend = [Money(minorUnits: 1_421_000, currency: .try_), Money(minorUnits: 12_000, currency: .eur)]
        profile.loyaltyTier = .gold
        profile.points = 1_240
        profile.pendingPoints = 120
        let hour = 3_600.0
        // Rows as the store says them (`CustomerTimelineReader`): a phrase, its values and the
        // phrases and amounts inside it.
        let lira = { (minor: Int64) in Money(minorUnits: minor, currency: .try_) }
        let events: [(Double, CustomerEvent.Kind, Said, Bool, CustomerSubject?)] = [
            (1, .message, Said("they wrote: {text}", ["text": "Kupam kırık geldi \u{1B}]52;c;aGk=\u{07}ne yapmalıyım?"]), false, .conversation(88)),
            (2, .conversation, Said("“{subject}” · 1 message · now {status}", ["subject": "Kırık kupa"], phrases: ["status": "open"]), false,
             .conversation(88)),
            (5, .mail, Said("{state}: {subject} — {reply}", ["subject": "Kargonuz yolda", "reply": "550 mailbox unavailable"],
                            phrases: ["state": "failed"]), true, .mail(501)),
            (26, .tracking, Said("{tracking} {status} · {place}", ["tracking": "3456789012", "place": "Kadıköy"], phrases: ["status": "delivered"]),
             false, .shipment(400)),
            (50, .parcel, Said("{order} shipped with {carrier} {tracking} · now {status}",
                               ["order": "#1042", "carrier": "Yurtiçi Kargo", "tracking": "3456789012"], phrases: ["status": "delivered"]),
             false, .shipment(400)),
            (70, .points, Said("{points} {kind}: {reason} (pending)", ["points": "+1524", "reason": "order #1042"], phrases: ["kind": "earn"]),
             false, .member(31)),
            (72, .order, Said("{order} placed · {total} · {items} items · now {status}", ["order": "#1042", "items": "3"],
                              phrases: ["status": "delivered"], amounts: ["total": lira(152_400)]), false, .order(1001)),
            (400, .survey, Said("{kind} answered {score}/{scale}: {comment}", ["kind": "NPS", "score": "10", "scale": "10", "comment": "Harika!"]),
             false, .order(990)),
            (500, .review, Said("{text}", ["text": "★★★★★ Çok güzel (judge.me)"]), false, .order(990)),
            (600, .coupon, Said("{kind} coupon {code}: {description} · {state}", ["code": "BDAY-7Q2M", "description": "10% off"],
                                phrases: ["kind": "birthday", "state": "open"]), false, .member(31)),
            (700, .voucher, Said("gift voucher {code}: {issued} issued, {left} left", ["code": "GIFT-9XK4"],
                                 amounts: ["issued": lira(50_000), "left": lira(50_000)]), false, nil),
            (800, .returned, Said("return of {order}: {state} — {reason}", ["order": "#990", "reason": "broken"], phrases: ["state": "refunded"]),
             false, .order(990)),
        ]
        profile.timeline = events.map { CustomerEvent(at: Fixtures.now.addingTimeInterval(-$0.0 * hour), kind: $0.1, said: $0.2,
                                                      isProblem: $0.3, opens: $0.4) }
        return profile
    }

    static func report(days: Int = 30) -> InsightReport {
        var report = InsightReport(days: days, from: Fixtures.now.addingTimeInterval(-Double(days - 1) * 86_400), to: Fixtures.now,
                                   churnDays: 90)
        var lira = InsightReport.Sales(currency: "TRY", days: days)
        var euro = InsightReport.Sales(currency: "EUR", days: days)
        for day in 0..<days {
            lira.orders[day] = 3 + day % 7
            lira.revenueMinor[day] = Int64(lira.orders[day]) * 95_000
            if day % 3 == 0 { euro.orders[day] = 1; euro.revenueMinor[day] = 4_500 }
        }
        report.sales = [lira, euro]
        report.buyers = 180
        report.repeatBuyers = 63
        report.lapsingCount = 41
        report.lapsing = Fixtures.names.prefix(6).enumerated().map { index, name in
            InsightReport.LapsingCustomer(id: Int64(index + 1), name: name, email: "c\(index)@example.com", orders: 2 + index,
                                          lastOrderAt: Fixtures.now.addingTimeInterval(-Double(95 + index * 4) * 86_400))
        }
        report.answered = 8
        report.firstResponseMedian = 5_400
        report.firstResponseP90 = 90_000
        report.unanswered = 2
        report.invitesSent = 240
        report.invitesReviewed = 55
        report.ratings = [2, 1, 5, 20, 27]
        report.csat = [1, 2, 6, 18, 23]
        report.nps = [1, 0, 1, 0, 2, 1, 3, 5, 6, 9, 12]
        report.npsTrend = [[0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0], [1, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2], [0, 0, 1, 0, 1, 0, 1, 1, 1, 2, 3],
                           [0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 3], [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2], [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2]]
        report.deliveries = [InsightReport.CarrierDelivery(carrier: "Yurtiçi Kargo", delivered: 140, withETA: 138, onTime: 129),
                             InsightReport.CarrierDelivery(carrier: "Aras Kargo", delivered: 61, withETA: 60, onTime: 44)]
        return report
    }

    static func state(width: Int, height: Int) -> AppState {
        Fixtures.ordersState(width: width, height: height)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theCustomerView(width: Int, height: Int) throws {
        var state = Self.state(width: width, height: height)
        #expect(state.reduce(.keyPressed(.character("C"))) == [.loadCustomer(.order(state.current.selected!.row.id))])
        _ = state.reduce(.customerLoaded(Self.profile()))
        let buffer = AppView.render(state)
        #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == width })
        #expect(buffer.text.contains("Ayşe Yılmaz") && buffer.text.contains("₺14.210,00") && buffer.text.contains("Gold"))
        #expect(!buffer.text.contains("\u{1B}") && !buffer.text.contains("\u{07}"), "a customer's escape never reaches the screen")
        try assertSnapshot(framed(buffer.lines), named: "customer-\(width)x\(height)")
        try assertSnapshot(framed(buffer.roleLines), named: "customer-\(width)x\(height).roles")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theInsightView(width: Int, height: Int) throws {
        var state = Self.state(width: width, height: height)
        #expect(state.reduce(.keyPressed(.character("I"))) == [.loadInsight(days: 30)])
        _ = state.reduce(.insightLoaded(Self.report()))
        let buffer = AppView.render(state)
        #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == width })
        // The numbers are written beside every chart, so a monochrome terminal loses nothing.
        for figure in ["35%", "median 1 h", "90th 1 d 1 h", "23% of 240", "4.3★", "4.2 of 5", "+33", "93% of 138", "73% of 60", "41 bought"] {
            #expect(buffer.text.contains(figure), "\(figure)")
        }
        try assertSnapshot(framed(buffer.lines), named: "insight-\(width)x\(height)")
        try assertSnapshot(framed(buffer.roleLines), named: "insight-\(width)x\(height).roles")
    }

    @Test func aTimelineRowOpensInItsPaneAndEscComesBack() {
        var state = Self.state(width: 80, height: 24)
        state.panes[.mail]!.filter = "state:failed"
        _ = state.reduce(.customerLoaded(Self.profile()))
        _ = state.reduce(.keyPressed(.character("j")))
        _ = state.reduce(.keyPressed(.character("j")))
        let effects = state.reduce(.keyPressed(.enter))
        #expect(state.pane == .mail && state.mode == .browsing && state.detailShown != .closed)
        #expect(state.current.filter == "id:501")
        #expect(effects.contains { if case .loadWindow(.mail, _, _, "id:501", _, _) = $0 { true } else { false } })
        _ = state.reduce(.keyPressed(.escape))
        guard case .customer(let view) = state.mode else { Issue.record("Esc goes back to the customer"); return }
        #expect(view.cursor == 2, "the place in the timeline is kept")
        #expect(state.pane == .orders && state.panes[.mail]!.filter == "state:failed")
        // A row with no pane of its own (the gift voucher, last but one) says so.
        _ = state.reduce(.keyPressed(.character("G")))
        _ = state.reduce(.keyPressed(.character("k")))
        #expect(state.reduce(.keyPressed(.enter)) == [])
        #expect(state.message == "A voucher has no pane of its own to open.")
        _ = state.reduce(.keyPressed(.escape))
        #expect(state.mode == .browsing)
    }

    @Test func scrollingNearTheEndOfACutTimelineReadsMore() {
        var state = Self.state(width: 80, height: 24)
        var profile = Self.profile()
        profile.timelineIsCut = true
        _ = state.reduce(.customerLoaded(profile))
        #expect(state.reduce(.keyPressed(.character("j"))) == [.loadCustomerByID(7, perKind: CustomerProfile.firstRead * 4)])
        #expect(state.reduce(.keyPressed(.character("j"))) == [], "asked once")
        profile.perKind *= 4
        profile.timelineIsCut = false
        _ = state.reduce(.customerLoaded(profile))
        guard case .customer(let view) = state.mode else { Issue.record("still the customer view"); return }
        #expect(view.cursor == 2 && view.moreRequested == nil)
    }

    @Test func aLapsingCustomerOpensAndEscReturnsToInsight() {
        var state = Self.state(width: 80, height: 24)
        _ = state.reduce(.keyPressed(.character("I")))
        _ = state.reduce(.insightLoaded(Self.report()))
        _ = state.reduce(.keyPressed(.character("j")))
        #expect(state.reduce(.keyPressed(.enter)) == [.loadCustomerByID(2)])
        _ = state.reduce(.customerLoaded(Self.profile()))
        _ = state.reduce(.keyPressed(.escape))
        guard case .insight(let view) = state.mode else { Issue.record("Esc goes back to Insight"); return }
        #expect(view.cursor == 1)
        #expect(state.reduce(.keyPressed(.character("p"))) == [.loadInsight(days: 90)])
        // A report for the period no longer asked for is ignored.
        _ = state.reduce(.insightLoaded(Self.report(days: 30)))
        guard case .insight(let waiting) = state.mode else { return }
        #expect(waiting.report == nil)
    }

    @Test func customerCommandFindsByWords() {
        var state = Self.state(width: 80, height: 24)
        _ = state.reduce(.keyPressed(.character(":")))
        for character in "customer ayse@example.com.tr" { _ = state.reduce(.keyPressed(.character(character))) }
        #expect(state.reduce(.keyPressed(.enter)) == [.findCustomers("ayse@example.com.tr"), .rememberCommand("customer ayse@example.com.tr")])
        let ayse = Self.profile().customer
        var other = ayse
        other.id = 8
        other.email = "ayse.k@example.com"
        other.name = "Ayşe Kaya"
        #expect(state.reduce(.customersFound("ayşe", [ayse, other])) == [])
        #expect(state.message?.contains("2 customers match") == true)
        #expect(state.reduce(.customersFound("Ayşe Yılmaz", [ayse, other])) == [.loadCustomerByID(7)])
        #expect(state.reduce(.customersFound("nobody", [])) == [])
    }

    @Test func sparklinesAndBars() {
        #expect(Sparkline.blocks([0, 1, 2, 4, 8], width: 5) == " ▁▂▄█")
        #expect(Sparkline.blocks([1, 1, 1, 1, 5, 5], width: 3) == "▂▂█")
        #expect(Sparkline.bar(0.5, width: 4) == "██  ")
        #expect(Sparkline.bar(1.0 / 16, width: 1) == "▏" && Sparkline.bar(0.5, width: 1) == "▌")
        #expect(Sparkline.braille([-100, 100], low: -100, high: 100) == "\u{2800}".replacingOccurrences(of: "\u{2800}", with: String(Unicode.Scalar(0x2800 + 0x40 + 0x08)!)))
        #expect(ASCIIStandIn.text(Sparkline.braille([-100, nil, 100, 100], low: -100, high: 100)) == ".'")
    }
}
