import Foundation
import Tezgah
import TezgahRuntime
import TezgahTerminal
import TezgahUI

/// Any sequence of keys, resizes and clicks the terminal can report drives the desk's reducer
/// without trapping, and every frame drawn after each step has the terminal's size and holds no
/// control character. Window loads are answered with orders rows, as the runtime would, so moving,
/// marking, filtering and opening details run on a real-looking list. The rest of the input, after
/// a NUL, is read as a keys.toml, which must load or say what is wrong with file and line.
enum KeysFuzzing {
    private static let now = Date(timeIntervalSince1970: 1_780_000_000)
    private static let clock = ShopClock(timeZone: TimeZone(identifier: "Europe/Istanbul")!, now: now)
    private static let names = ["Ayşe Yılmaz", "Işık Öztürk", "山田 花子", "Zoë 🌸 Hart", "Eve\u{1B}[31m Mallory\u{07}", "Oliver Smith"]

    static func run(_ bytes: [UInt8]) throws {
        let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
        try drive(bytes[..<split])
        if split < bytes.endIndex {
            let keymap = String(decoding: bytes[(split + 1)...], as: UTF8.self)
            do { _ = try Keymap.parse(keymap, file: "keys.toml") } catch let error as ConfigError {
                try requireSentence(error.description, file: "keys.toml")
            }
        }
    }

    private static func drive(_ bytes: ArraySlice<UInt8>) throws {
        var state = AppState(width: 80, height: 24, shopName: "Ayşe'nin Dükkanı", databasePath: "/tmp/shop.sqlite", clock: clock)
        var pending = state.start()
        var input = bytes.makeIterator()
        var steps = 0
        while steps < 400 {
            steps += 1
            // Effects first, as the runtime would carry them out; then the next event from the input.
            if !pending.isEmpty {
                let effect = pending.removeFirst()
                if let answer = answer(effect) { pending += state.reduce(answer) }
                continue
            }
            guard let selector = input.next() else { break }
            let action: Action?
            switch selector >> 5 {
            case 0: action = KeyDecoding.functionKey(0o401 + Int32(input.next() ?? 0) + (Int32(selector & 1) << 8)).map(Action.keyPressed)
            case 1: action = .terminalResized(width: Int(input.next() ?? 80) % 160, height: Int(input.next() ?? 24) % 60)
            case 2: action = .keyPressed(.mouse(.click(x: Int(input.next() ?? 0) % 120, y: Int(input.next() ?? 0) % 50)))
            default:
                // One character: ASCII mostly, sometimes a two-byte code point (Turkish letters, C1).
                let value = selector & 0x10 != 0 ? UInt32(input.next() ?? 0) | UInt32(selector & 0x0F) << 8 : UInt32(selector & 0x7F)
                action = KeyDecoding.character(value).map(Action.keyPressed)
            }
            if let action { pending += state.reduce(action) }
            let frame = AppView.render(state)
            guard frame.width == max(state.width, 0), frame.height == max(state.height, 0) else {
                throw FuzzFinding("a \(state.width)×\(state.height) terminal got a \(frame.width)×\(frame.height) frame")
            }
            for cell in frame.cells { try requireDrawable(cell.text, "a drawn cell") }
        }
    }

    /// What the runtime would answer an effect with, for the effects that feed the list.
    private static func answer(_ effect: Effect) -> Action? {
        guard case let .loadWindow(pane, request, size, _, cursor, generation) = effect else { return nil }
        let first: Int64 = switch request {
        case .top: 500
        case .bottom: Int64(size)
        case .startingAt(let key), .startingAbove(let key), .endingBefore(let key): key.id
        }
        let ids = (0..<Int64(max(size, 1))).map { first - $0 }.filter { $0 > 0 && $0 <= 500 }
        let rows = pane == .orders ? ids.map(order) : []
        return .windowLoaded(pane, ListWindow(rows: rows, hasBefore: first < 500, hasAfter: (ids.last ?? 1) > 1), cursor: cursor, generation: generation)
    }

    private static func order(_ id: Int64) -> PaneItem {
        let placed = now.addingTimeInterval(-Double(500 - id) * 3_600)
        let summary = OrderSummary(id: id, number: "#\(id + 1_000)", placedAt: placed, customerName: names[Int(id) % names.count],
                                   status: OrderStatus.allCases[Int(id) % OrderStatus.allCases.count], payment: .paid,
                                   total: Money(minorUnits: 12_345 * id, currency: id % 3 == 0 ? .eur : .try_), itemCount: Int(id % 4) + 1)
        return PaneItem(key: PageKey(sort: Int64(placed.timeIntervalSince1970), id: id), row: .order(summary))
    }
}
