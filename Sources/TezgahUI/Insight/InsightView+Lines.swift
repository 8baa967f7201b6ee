import Foundation
import Tezgah

extension InsightView {
    /// The figures above the lapsing list, each line a label, a small chart and its numbers.
    public static func figureLines(_ view: InsightView, width: Int, clock: ShopClock, namesKeys: Bool = true) -> [StyledLine] {
        guard let report = view.report else {
            return [StyledLine("Insight · last \(view.days) days", .title), StyledLine("Loading…", .dim)]
        }
        let labelWidth = 9
        let room = max(10, width - labelWidth - 2)
        var lines = [StyledLine([("Insight · last \(report.days) days (\(clock.day(report.from).trimmingCharacters(in: .whitespaces)) – today)", .title),
                                 (namesKeys ? "   p: 30/90/365 days" : "", .dim)])]
        func line(_ label: String, _ segments: [(String, StyleRole)]) -> StyledLine {
            StyledLine([(TextFitting.pad(label, to: labelWidth), .dim)] + segments)
        }
        func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }

        // Sales: one sparkline per currency (the three busiest), the totals beside it.
        if report.sales.isEmpty {
            lines.append(line("Orders", [("no orders in this period", .dim)]))
        }
        for (index, sales) in report.sales.prefix(3).enumerated() {
            let numbers = " \(sales.totalOrders.grouped) · \(sales.revenue.formatted)"
            let chartWidth = max(4, min(report.days, room - 4 - DisplayWidth.of(numbers)))
            let chart = Sparkline.blocks(sales.revenueMinor, width: chartWidth)
            lines.append(line(index == 0 ? "Orders" : "", [(sales.currency + " ", .dim), (chart, .accent), (numbers, .money)]))
        }
        // Repeat buyers.
        let barWidth = min(20, max(5, room / 4))
        lines.append(line("Repeat", [(Sparkline.bar(report.repeatRate ?? 0, width: barWidth), .good),
                                     (" \(percent(report.repeatRate)) of \(report.buyers.grouped) buyers bought more than once", .normal)]))
        // Support's first response.
        let median = report.firstResponseMedian.map { BusinessHours.duration(TimeInterval($0)) } ?? "–"
        let p90 = report.firstResponseP90.map { BusinessHours.duration(TimeInterval($0)) } ?? "–"
        lines.append(line("Reply", [("median \(median) · 90th \(p90) · \(report.answered.grouped) answered", .normal),
                                    (report.unanswered > 0 ? " · \(report.unanswered.grouped) waiting" : "", .warning)]))
        // Reviews: conversion and the ratings' spread.
        let average = report.averageRating.map { String(format: "%.1f★", $0) } ?? "–"
        lines.append(line("Reviews", [(Sparkline.bar(report.reviewConversion ?? 0, width: barWidth), .good),
                                      (" \(percent(report.reviewConversion)) of \(report.invitesSent.grouped) invites · average \(average) ", .normal),
                                      (distribution(report.ratings, first: 1), .dim)]))
        // CSAT and NPS with its trend.
        let csat = report.csatAverage.map { String(format: "%.1f", $0) } ?? "–"
        lines.append(line("CSAT", [("\(csat) of 5 (\(report.csat.reduce(0, +).grouped) answers) ", .normal),
                                   (distribution(report.csat, first: 1), .dim)]))
        let trend = report.npsTrend.map { InsightReport.netPromoterScore($0).map(Double.init) }
        let nps = report.netPromoterScore.map { $0 > 0 ? "+\($0)" : "\($0)" } ?? "–"
        lines.append(line("NPS", [("\(nps) (\(report.nps.reduce(0, +).grouped) answers) trend ", .normal),
                                  (Sparkline.braille(trend, low: -100, high: 100), .accent),
                                  ("  \(trend.map { $0.map { "\(Int($0))" } ?? "·" }.joined(separator: " "))", .dim)]))
        // On time, per carrier (the busiest that fit).
        if report.deliveries.isEmpty {
            lines.append(line("On time", [("no parcels delivered in this period", .dim)]))
        }
        for (index, carrier) in report.deliveries.prefix(3).enumerated() {
            lines.append(line(index == 0 ? "On time" : "", [
                (TextFitting.pad(carrier.carrier, to: 13), .normal),
                (Sparkline.bar(carrier.onTimeRate ?? 0, width: barWidth), (carrier.onTimeRate ?? 1) >= 0.9 ? .good : .warning),
                (" \(percent(carrier.onTimeRate)) of \(carrier.withETA.grouped) with an ETA", .normal),
            ]))
        }
        return lines
    }

    /// "1★ 2 · 2★ 0 · …": the count at each score.
    private static func distribution(_ counts: [Int], first: Int) -> String {
        counts.enumerated().map { "\($0.offset + first):\($0.element.grouped)" }.joined(separator: " ")
    }
}
