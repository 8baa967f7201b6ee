import Foundation
import Tezgah
import TezgahUI

/// `keys.toml`: the owner's own keys, per pane (`[orders]`, `[mail]`…) or for every pane
/// (`[all]`), each `action = "key"` or `"first second"` for two keys in a row. Actions are the
/// `:` command names (`preparing`, `ship`, `down`, `next-pane`…). Read at start; an unknown
/// section, action or key name, or two actions on one key, is refused with file and line.
///
/// ```toml
/// [all]
/// next-pane = "Ctrl-N"
/// [orders]
/// preparing = "P"
/// ship = "g s"
/// ```
public enum Keymap {
    public static func load(path: String) throws -> [UserKey] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(Said("{path}: the keymap is not UTF-8 text.", ["path": path]))
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> [UserKey] {
        let root = try TOMLSection.parsing(text, file: file)
        let table = root.table
        try root.allow(["all"] + Pane.allCases.map(\.storageName))
        var keys: [UserKey] = []
        for sectionName in table.keys.sorted() {
            guard let section = try root.section(sectionName) else { continue }
            let pane = Pane(named: sectionName)
            let panes = pane.map { [$0] } ?? Pane.allCases
            var taken: [[Key]: String] = [:]
            for action in section.table.keys.sorted() {
                guard panes.allSatisfy({ $0.knows(command: action) }) else {
                    let known = (pane ?? .orders).commandNames.filter { name in panes.allSatisfy { $0.knows(command: name) } }
                    throw section.error(action, pane.map {
                        Said("“{action}” is not an action of the {pane} pane; actions are {known}", ["action": action, "known": known.joined(separator: ", ")],
                             phrases: ["pane": $0.title])
                    } ?? Said("“{action}” is not an action of every pane; actions are {known}", ["action": action, "known": known.joined(separator: ", ")]))
                }
                guard let written = try section.string(action) else { continue }
                let names = written.split(separator: " ").map(String.init)
                guard (1...2).contains(names.count) else {
                    throw section.error(action, Said("expected one key or two in a row, such as \"P\" or \"g s\""))
                }
                let sequence = try names.map { name in
                    guard let key = Key(named: name) else {
                        throw section.error(action, Said("“{name}” is not a key; write a character, Space, Enter, Tab, Esc, Up, PgDn, Ctrl-X or F5", ["name": name]))
                    }
                    return key
                }
                if let other = taken[sequence] {
                    throw section.error(action, Said("“{written}” is already {other} in [{section}]; one key does one thing", ["written": written, "other": other, "section": sectionName]))
                }
                // A key that starts a pair cannot also work alone: it would wait for the second.
                if let clash = taken.first(where: { key, _ in key != sequence && (key.starts(with: sequence) || sequence.starts(with: key)) }) {
                    throw section.error(action, Said("“{written}” and “{other}” ({action}) start alike; a key that begins a pair cannot work alone",
                                                     ["written": written, "other": clash.key.map(\.label).joined(separator: " "), "action": clash.value]))
                }
                taken[sequence] = action
                keys.append(UserKey(pane: pane, keys: sequence, command: action))
            }
        }
        return keys
    }
}
