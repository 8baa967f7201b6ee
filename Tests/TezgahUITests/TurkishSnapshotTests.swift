import Foundation
import Testing
import Tezgah
@testable import TezgahUI

/// The desk in Turkish: the same states as the English snapshots, drawn with `language = .turkish`.
/// Each screen is also held to having none of the English desk's words, so a phrase drawn without
/// the catalogue shows up here even before anyone reads the snapshot.
@Suite struct TurkishSnapshotTests {
    /// Words of the English desk that a Turkish screen must not show. The fixtures' own data
    /// (names, subjects, carriers' descriptions) may be in any language, and so, for now, may what
    /// the store writes in English: activity entries ("marked preparing") and the customer
    /// timeline's rows ("#1042 shipped with …").
    static let englishWords = ["Orders", "Shipments", "Reviews", "Loyalty", "Customer", "Status", "Total", "Placed", "Timeline",
                               "Loading", "help", "quit", "need attention", "Ship to", "Items", "points", "Insight", "answers",
                               "median", "received", "Keys", "Payment", "Waiting", "Referral", "Attempts"]

    static func checkTurkish(_ buffer: Buffer, width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == width }, sourceLocation: sourceLocation)
        for word in englishWords {
            #expect(!buffer.text.contains(word), "English “\(word)” on a Turkish screen", sourceLocation: sourceLocation)
        }
    }

    static func ordersState(width: Int, height: Int, detail: DetailShown = .closed) -> AppState {
        var state = Fixtures.ordersState(width: width, height: height, detail: detail)
        state.language = .turkish
        return state
    }

    @Test(arguments: [(80, 24, DetailShown.closed), (120, 40, DetailShown.open)])
    func orders(width: Int, height: Int, detail: DetailShown) throws {
        let buffer = AppView.render(Self.ordersState(width: width, height: height, detail: detail))
        Self.checkTurkish(buffer, width: width)
        #expect(buffer.lines[0].contains("F1 Siparişler"))
        #expect(buffer.text.contains("alındı") && buffer.text.contains("ödendi"))
        try assertSnapshot(framed(buffer.lines), named: "tr-orders-\(width)x\(height)")
    }

    @Test func help() throws {
        var state = Self.ordersState(width: 80, height: 24)
        _ = state.reduce(.keyPressed(.character("?")))
        let buffer = AppView.render(state)
        Self.checkTurkish(buffer, width: 80)
        #expect(buffer.text.contains("Tuşlar · Siparişler") && buffer.text.contains("son değişikliğimi geri al"))
        try assertSnapshot(framed(buffer.lines), named: "tr-help-80x24")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func customer(width: Int, height: Int) throws {
        var state = Self.ordersState(width: width, height: height)
        _ = state.reduce(.keyPressed(.character("C")))
        _ = state.reduce(.customerLoaded(CustomerAndInsightViewTests.profile()))
        let buffer = AppView.render(state)
        Self.checkTurkish(buffer, width: width)
        #expect(buffer.text.contains("₺14.210,00") && buffer.text.contains("Altın") && buffer.text.contains("Geçmiş ·"))
        try assertSnapshot(framed(buffer.lines), named: "tr-customer-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func insight(width: Int, height: Int) throws {
        var state = Self.ordersState(width: width, height: height)
        _ = state.reduce(.keyPressed(.character("I")))
        _ = state.reduce(.insightLoaded(CustomerAndInsightViewTests.report()))
        let buffer = AppView.render(state)
        Self.checkTurkish(buffer, width: width)
        // Turkish writes the percent sign first and a decimal comma.
        for figure in ["%35", "medyan 1 h", "4,3★", "5 üzerinden 4,2", "+33", "Kaybolanlar"] {
            #expect(buffer.text.contains(figure), "\(figure)")
        }
        try assertSnapshot(framed(buffer.lines), named: "tr-insight-\(width)x\(height)")
    }

    @Test func everyPane() throws {
        for (pane, row, detail, _) in ViewSnapshotTests.paneCases {
            let buffer = AppView.render(ViewSnapshotTests.paneState(pane, row, detail, language: .turkish))
            Self.checkTurkish(buffer, width: 120)
            #expect(buffer.lines[0].contains("\(pane.rawValue + 1) \(Language.turkish.say(pane.title))"))
            try assertSnapshot(framed(buffer.lines), named: "tr-\(pane.title.lowercased())-120x30")
        }
    }

    @Test func firstRunAndTooSmall() throws {
        var state = AppState(width: 80, height: 24, shopName: "Ayşe'nin Dükkanı", databasePath: "/home/ayse/.local/share/tezgah/shop.sqlite",
                             clock: Fixtures.clock, isFirstRun: true)
        state.language = .turkish
        let first = AppView.render(state)
        Self.checkTurkish(first, width: 80)
        #expect(first.text.contains("hoş geldiniz"))
        try assertSnapshot(framed(first.lines), named: "tr-first-run-80x24")
        let small = AppView.render(Self.ordersState(width: 30, height: 6))
        #expect(small.text.contains("çok küçük"))
    }
}
