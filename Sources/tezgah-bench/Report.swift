import Foundation

/// One measured figure: the value, the comparison measured in the same run, and the target.
struct Figure: Encodable {
    var name: String
    var value: Double?
    var unit: String
    var comparison: Double?
    var comparisonLabel: String?
    /// value ÷ comparison, when there is a comparison.
    var ratio: Double? { value.flatMap { v in comparison.flatMap { $0 > 0 ? v / $0 : nil } } }
    var target: String
    var meetsTarget: Bool?
    var note: String

    enum CodingKeys: String, CodingKey { case name, value, unit, comparison, comparisonLabel, ratio, target, meetsTarget, note }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encodeIfPresent(comparison, forKey: .comparison)
        try c.encodeIfPresent(comparisonLabel, forKey: .comparisonLabel)
        try c.encodeIfPresent(ratio, forKey: .ratio)
        try c.encode(target, forKey: .target)
        try c.encodeIfPresent(meetsTarget, forKey: .meetsTarget)
        try c.encode(note, forKey: .note)
    }

    /// One line: "name  value unit  (comparison label value, ratio ×)  target  ✓/✗".
    var line: String {
        func number(_ x: Double) -> String { x >= 100 ? String(format: "%.0f", x) : x >= 10 ? String(format: "%.1f", x) : String(format: "%.3f", x) }
        var text = name.padding(toLength: 34, withPad: " ", startingAt: 0)
        text += value.map { "\(number($0)) \(unit)" } ?? "not measured"
        if let comparison, let comparisonLabel {
            text += "   vs \(comparisonLabel) \(number(comparison)) \(unit)"
        }
        if let ratio { text += String(format: "   ratio %.2f×", ratio) }
        text += "   target: \(target)"
        if let meetsTarget { text += meetsTarget ? "  ✓" : "  ✗" }
        if !note.isEmpty { text += "   (\(note))" }
        return text
    }
}

struct Report: Encodable {
    var date: String
    var machine: String
    var mode: String
    var figures: [Figure]

    static func machineDescription() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
    }
}

/// The median of repeated measurements (robust to one slow outlier).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15 }
}

/// Why a figure could not be measured.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
