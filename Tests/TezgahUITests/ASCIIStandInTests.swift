import Foundation
import Testing
import Tezgah
@testable import TezgahUI

/// An ASCII-only terminal (the Linux console, `--ascii`) gets stand-ins instead of dropped
/// characters, and the layout is counted on the stand-ins.
@Suite struct ASCIIStandInTests {
    @Test func turkishTextMoneyAndSignsHaveStandIns() {
        #expect(ASCIIStandIn.text("Ayşe'nin Dükkanı") == "Ayse'nin Dukkani")
        #expect(ASCIIStandIn.text("İĞÜŞÖÇ ığüşöç") == "IGUSOC igusoc")
        #expect(ASCIIStandIn.text("₺1.524,00") == "TL1.524,00")
        #expect(ASCIIStandIn.text("€33,90 £5 ¥120") == "EUR33,90 GBP5 JPY120")
        #expect(ASCIIStandIn.text("100×6") == "100x6")
        #expect(ASCIIStandIn.text("┌──┐│▸…") == "+--+|>~")
        #expect(ASCIIStandIn.text("Zoë Straße") == "Zoe Strasse")
        #expect(ASCIIStandIn.text("“quoted” — ok") == "\"quoted\" - ok")
    }

    @Test func scriptsWithoutLatinLettersKeepTheirWidthAsQuestionMarks() {
        #expect(ASCIIStandIn.text("山田 花子") == "???? ????")
        #expect(ASCIIStandIn.text("김민지") == "??????")
        #expect(ASCIIStandIn.text("Zoë 🌸") == "Zoe ??")
    }

    @Test func controlsMadeVisibleStayVisibleInASCII() {
        let cleaned = TextRepertoire.$current.withValue(.ascii) { TerminalSafeText.clean("Eve\u{1B}[31m\u{07}\u{9B}") }
        #expect(cleaned == "Eve^[[31m^G?")
    }

    @Test func theUnicodeRepertoireLeavesTextAlone() {
        #expect(TerminalSafeText.clean("Ayşe ₺1.524,00 ×") == "Ayşe ₺1.524,00 ×")
    }

    /// The whole screen in ASCII: every cell ASCII, every line the terminal's width, nothing dropped.
    @Test func theOrdersScreenInASCII() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            let buffer = TextRepertoire.$current.withValue(.ascii) {
                AppView.render(Fixtures.ordersState(width: width, height: height, detail: .open))
            }
            #expect(buffer.lines.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } }, "\(buffer.text)")
            #expect(buffer.lines.allSatisfy { DisplayWidth.of($0) == width })
            #expect(buffer.text.contains("Ayse Yilmaz"))
            #expect(buffer.text.contains("Isik Ozturk"))
            #expect(buffer.text.contains("TL123,45"))
            #expect(buffer.text.contains(">#1041"), "the cursor's ▸")
        }
        let tooSmall = TextRepertoire.$current.withValue(.ascii) { AppView.render(Fixtures.ordersState(width: 30, height: 6)) }
        #expect(tooSmall.text.contains("Terminal too small (30x6)"))
        try assertSnapshot(framed(TextRepertoire.$current.withValue(.ascii) {
            AppView.render(Fixtures.ordersState(width: 80, height: 24, detail: .open)).lines
        }), named: "orders-80x24-detail-ascii")
    }

    /// `?` ends with the locale line when the desk knows it.
    @Test func helpNamesTheLocale() {
        let summary = "Locale C.UTF-8 (tr_TR.UTF-8 from LANG is not installed) · language tr from LANG"
        var wide = Fixtures.ordersState(width: 120, height: 40)
        wide.localeSummary = summary
        _ = wide.reduce(.keyPressed(.character("?")))
        let text = AppView.render(wide).text
        #expect(text.contains(summary))
        #expect(text.contains("? or Esc closes"))
        // At 80 columns the line is wider than the box can be: it wraps rather than being cut.
        var narrow = Fixtures.ordersState()
        narrow.localeSummary = summary
        _ = narrow.reduce(.keyPressed(.character("?")))
        let lines = AppView.render(narrow).lines
        let footer = lines.drop { !$0.contains("│ Locale ") }.prefix(2)
            .map { $0.split(separator: "│").dropFirst().first?.trimmingCharacters(in: .whitespaces) ?? "" }
        #expect(footer.joined(separator: " ") == summary, "\(lines.joined(separator: "\n"))")
    }
}
