import Tezgah

extension AppView {
    /// The screen while the shop database is still opening after a moment, instead of a blank one.
    /// Why: the first start of a new version upgrades an existing shop's schema, and a new index
    /// over a million orders takes seconds to build; a slow disk can also make the opening wait.
    public static func opening(width: Int, height: Int, databasePath: String, upgrading: Bool, language: Language = .english) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        let paragraphs: [(String, StyleRole)] = upgrading
            ? [(language.say("Upgrading the shop database for this version of tezgah…"), .title),
               ("  " + databasePath, .accent),
               (language.say("This happens once. A shop with many orders takes a few seconds; the desk opens when it is done."), .dim)]
            : [(language.say("Opening the shop database…"), .title),
               ("  " + databasePath, .accent)]
        var lines: [(String, StyleRole)] = []
        for (index, (text, role)) in paragraphs.enumerated() {
            if index > 0 { lines.append(("", .normal)) }
            lines += TextFitting.wrap(text, to: max(1, width - 4)).map { ($0, role) }
        }
        let top = max(0, (height - lines.count) / 2)
        for (index, (text, role)) in lines.enumerated() where top + index < height {
            _ = buffer.put(text, x: 2, y: top + index, maxWidth: max(1, width - 4), role: role)
        }
        return buffer
    }
}
