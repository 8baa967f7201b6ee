import Foundation
import Tezgah

extension InsightView {
    /// The figures above the lapsing list, each line a label, a small chart and its numbers.
    public static func figureLines(_ view: InsightView, width: Int, clock: ShopClock, namesKeys: Bool = true) -> [StyledLine] {
        let language = clock.language
        func say(_ phrase: String, _ values: KeyValuePairs<String, String> = [:]) -> String { language.say(phrase, values) }
        guard let report = view.report else {
            return [StyledLine(say("Insight · last {days} days", ["days": String(view.days)]), .title), StyledLine(say("Loading…"), .dim)]
        }
        let labelWidth = 9
        let room = max(10, width - labelWidth - 2)
        var lines = [StyledLine([(say("Insight · last {days} days ({from} – today)", [
                                    "days": String(report.days), "from": clock.day(report.from).trimmingCharacters(in: .whitespaces)]), .title),
                                 (namesKeys ? "   " + say("p: 30/90/365 days") : "", .dim)])]
        func line(_ label: String, _ segments: [(String, StyleRole)]) -> StyledLine {
            StyledLine([(TextFitting.pad(label, to: labelWidth - 1) + " ", .dim)] + segments)
        }
        func percent(_ value: Double?) -> String { value.map(language.percent) ?? "–" }

        // Sales: one sparkline per currency (the three busiest), the totals beside it.
        if report.sales.isEmpty {
            lines.append(line(say("insight|Orders"), [(say("no orders in this period"), .dim)]))
        }
        for (index, sales) in report.sales.prefix(3).enumerated() {
            let numbers = " \(sales.totalOrders.grouped(in: language)) · \(sales.revenue.formatted(in: language))"
            let chartWidth = max(4, min(report.days, room - 4 - DisplayWidth.of(numbers)))
            let chart = Sparkline.blocks(sales.revenueMinor, width: chartWidth)
            lines.append(line(index == 0 ? say("insight|Orders") : "", [(sales.currency + " ", .dim), (chart, .accent), (numbers, .money)]))
        }
        // Repeat buyers.
        let barWidth = min(20, max(5, room / 4))
        lines.append(line(say("Repeat"), [(Sparkline.bar(report.repeatRate ?? 0, width: barWidth), .good),
                                     (" " + say("{percent} of {buyers} buyers bought more than once", [
                                        "percent": percent(report.repeatRate), "buyers": report.buyers.grouped(in: language)]), .normal)]))
        // Support's first response.
        let median = report.firstResponseMedian.map { BusinessHours.duration(TimeInterval($0)) } ?? "–"
        let p90 = report.firstResponseP90.map { BusinessHours.duration(TimeInterval($0)) } ?? "–"
        lines.append(line(say("Reply"), [(say("median {median} · 90th {p90} · {count} answered", [
                                        "median": median, "p90": p90, "count": report.answered.grouped(in: language)]), .normal),
                                    (report.unanswered > 0 ? " · " + say("{count} waiting", ["count": report.unanswered.grouped(in: language)]) : "",
                                     .warning)]))
        // Reviews: conversion and the ratings' spread.
        let average = report.averageRating.map { language.decimal($0) + "★" } ?? "–"
        lines.append(line(say("Reviews"), [(Sparkline.bar(report.reviewConversion ?? 0, width: barWidth), .good),
                                      (" " + say("{percent} of {invites} invites · average {average}", [
                                        "percent": percent(report.reviewConversion), "invites": report.invitesSent.grouped(in: language),
                                        "average": average]) + " ", .normal),
                                      (distribution(report.ratings, first: 1), .dim)]))
        // CSAT and NPS with its trend.
        let csat = report.csatAverage.map(language.decimal) ?? "–"
        lines.append(line(say("CSAT"), [(say("{average} of 5 ({count} answers)", [
                                        "average": csat, "count": report.csat.reduce(0, +).grouped(in: language)]) + " ", .normal),
                                   (distribution(report.csat, first: 1), .dim)]))
        let trend = report.npsTrend.map { InsightReport.netPromoterScore($0).map(Double.init) }
        let nps = report.netPromoterScore.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "–"
        lines.append(line(say("NPS"), [(say("{score} ({count} answers) trend", ["score": nps, "count": report.nps.reduce(0, +).grouped(in: language)])
                                    + " ", .normal),
                                  (Sparkline.braille(trend, low: -100, high: 100), .accent),
                                  ("  \(trend.map { $0.map { "\(Int($0))" } ?? "·" }.joined(separator: " "))", .dim)]))
        // On time, per carrier (the busiest that fit).
        if report.deliveries.isEmpty {
            lines.append(line(say("On time"), [(say("no parcels delivered in this period"), .dim)]))
        }
        for (index, carrier) in report.deliveries.prefix(3).enumerated() {
            lines.append(line(index == 0 ? say("On time") : "", [
                (TextFitting.pad(carrier.carrier, to: 13), .normal),
                (Sparkline.bar(carrier.onTimeRate ?? 0, width: barWidth), (carrier.onTimeRate ?? 1) >= 0.9 ? .good : .warning),
                (" " + say("{percent} of {count} with an ETA", ["percent": percent(carrier.onTimeRate),
                                                                 "count": carrier.withETA.grouped(in: language)]), .normal),
            ]))
        }
        return lines
    }

    /// "1★ 2 · 2★ 0 · …": the count at each score.
    private static func distribution(_ counts: [Int], first: Int) -> String {
        counts.enumerated().map { "\($0.offset + first):\($0.element.grouped)" }.joined(separator: " ")
    }
}
