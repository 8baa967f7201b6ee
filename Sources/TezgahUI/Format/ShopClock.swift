import Foundation

/// Shows UTC instants in the shop's time zone, relative to "now" (kept in state so views are
/// deterministic in tests).
public struct ShopClock: Equatable, Sendable {
    public let timeZone: TimeZone
    public var now: Date
    /// Built once: making a Calendar per date shown was a tenth of a frame's cost.
    private let calendar: Calendar

    public init(timeZone: TimeZone, now: Date) {
        self.timeZone = timeZone
        self.now = now
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "23 Nov 14:05" this year, "2025-03-04" before.
    public func short(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let thisYear = calendar.component(.year, from: now)
        if c.year == thisYear {
            return String(format: "%2d %@ %02d:%02d", c.day!, Self.months[c.month! - 1], c.hour!, c.minute!)
        }
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// "23 Nov" this year, "2025-03-04" before.
    public func day(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        if c.year == calendar.component(.year, from: now) {
            return String(format: "%2d %@", c.day!, Self.months[c.month! - 1])
        }
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// "2026-11-23 14:05" in the shop's zone, for detail views.
    public func full(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// "3h", "2d", "5w" — how long ago (or, with "in", how long until).
    public func relative(_ date: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        let magnitude = abs(seconds)
        let text: String
        switch magnitude {
        case ..<60: text = "now"
        case ..<3_600: text = "\(Int(magnitude / 60))m"
        case ..<86_400: text = "\(Int(magnitude / 3_600))h"
        case ..<(14 * 86_400): text = "\(Int(magnitude / 86_400))d"
        default: text = "\(Int(magnitude / (7 * 86_400)))w"
        }
        if text == "now" { return text }
        return seconds >= 0 ? "\(text) ago" : "in \(text)"
    }
}

extension Int {
    /// 1234567 → "1,234,567".
    public var grouped: String {
        let digits = String(self.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (self < 0 ? "-" : "") + out
    }
}
