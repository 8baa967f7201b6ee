import Foundation
import Testing
import TezgahUI
@testable import TezgahTerminal

@Suite struct TerminalTests {
    @Test func controlBytesBecomeKeys() {
        #expect(KeyDecoding.character(0x1B) == .escape)
        #expect(KeyDecoding.character(0x0D) == .enter)
        #expect(KeyDecoding.character(0x09) == .tab)
        #expect(KeyDecoding.character(0x7F) == .backspace)
        #expect(KeyDecoding.character(0x06) == .control("f"))
        #expect(KeyDecoding.character(0x15F) == .character("ş"))
        #expect(KeyDecoding.character(0x9B) == nil) // a C1 control is never a key
    }

    @Test func themeColoursFitSmallerPalettes() {
        #expect(Palette.fit(.terminalDefault, colors: 256) == -1)
        #expect(Palette.fit(.indexed(208), colors: 256) == 208)
        #expect(Palette.fit(.rgb(0, 0x87, 0xFF), colors: 256) == 33) // an exact xterm cube colour
        #expect(Palette.fit(.indexed(9), colors: 16) == 9)
        #expect(Palette.fit(.indexed(9), colors: 8) == 1)            // bright red → red
        #expect((0..<8).contains(Palette.fit(.rgb(0xDC, 0x32, 0x2F), colors: 8)))
    }

    /// The table the UI lays out with must agree with what ncursesw draws for the text shops have.
    @Test func layoutWidthsAgreeWithTheCLibrary() throws {
        // uselocale is per thread; setlocale would change the locale under tests running in parallel.
        guard let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else {
            Issue.record("C.UTF-8 locale missing; cannot compare widths")
            return
        }
        let previous = uselocale(utf8)
        defer { uselocale(previous); freelocale(utf8) }
        for text in ["Ayşe Yılmaz", "İĞÜŞÖÇığüşöç", "山田 花子", "김민지", "₺€$", "Zoë", "│─┌▸…↑↓␛␇"] {
            for scalar in text.unicodeScalars {
                #expect(DisplayWidth.tableWidth(scalar) == TerminalWidth.libc(scalar), "\(scalar) U+\(String(scalar.value, radix: 16))")
            }
        }
    }
}
