import Foundation
import GRDB
import Tezgah

extension ShopWriter {
    /// Records a survey answer for an order: its survey (one per order) gets the score and the
    /// comment; an order never surveyed gets an answered survey of `kind`. A score outside the
    /// survey's scale is refused in a sentence. Logged on the order's timeline.
    @discardableResult
    func recordSurveyAnswer(orderID: Int64, score: Int, comment: String, kind: SurveyKind, actor: String, at: Date) throws -> SurveyKind {
        let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, kind FROM surveys WHERE order_id = ?"), arguments: [orderID])
        let surveyKind = existing.flatMap { SurveyKind(rawValue: $0[1]) } ?? kind
        guard surveyKind.scores.contains(score) else {
            throw StoreError.refused(Said("A {kind} score is {lowest} to {highest}; {score} is not.", ["kind": surveyKind.rawValue.uppercased(), "lowest": String(surveyKind.scores.lowerBound),
                                                                                       "highest": String(surveyKind.scores.upperBound), "score": String(score)]))
        }
        if let existing {
            try db.cachedStatement(sql: "UPDATE surveys SET state = 'answered', score = ?, comment = ?, answered_at = ? WHERE id = ?")
                .execute(arguments: [score, comment, at.unixSeconds, existing[0] as Int64])
        } else {
            let customer = try Int64.fetchOne(db.cachedStatement(sql: "SELECT customer_id FROM orders WHERE id = ?"), arguments: [orderID]) ?? 0
            try db.cachedStatement(sql: """
                INSERT INTO surveys(customer_id, order_id, kind, state, due_at, score, answered_at, comment) VALUES (?, ?, ?, 'answered', ?, ?, ?, ?)
                """).execute(arguments: [customer, orderID, surveyKind.rawValue, at.unixSeconds, score, at.unixSeconds, comment])
        }
        try logActivity(at: at, actor: actor, subjectType: "order", subjectID: orderID, action: "survey answered",
                        detail: "\(surveyKind.rawValue.uppercased()) \(score)" + (comment.isEmpty ? "" : " — \(comment)"))
        return surveyKind
    }

    /// A reply to one of the shop's survey mails whose first line is a score: the survey it answers
    /// (by In-Reply-To or References), the score, and the rest of what the customer wrote (without
    /// the quote of the survey or their signature). Nil for any other mail.
    func surveyAnswer(in mail: InboundMail) throws -> (orderID: Int64, kind: SurveyKind, score: Int, comment: String)? {
        for id in mail.inReplyTo + mail.references.reversed() {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT order_id, kind FROM outbox WHERE message_id = ? AND kind IN ('csat_survey', 'nps_survey') AND order_id IS NOT NULL
                """), arguments: [id]) else { continue }
            let kind: SurveyKind = (row[1] as String) == MailKind.npsSurvey.rawValue ? .nps : .csat
            var own: [String] = []
            for part in QuotedText.parts(mail.text) { if case .text(let lines) = part { own += lines } }
            let lines = own.map { $0.trimmingCharacters(in: .whitespaces) }.drop { $0.isEmpty }
            guard let first = lines.first, let score = Self.leadingScore(first), kind.scores.contains(score) else { return nil }
            let rest = first.drop { $0.isNumber }.trimmingCharacters(in: CharacterSet(charactersIn: " .,:;-–—/!").union(.whitespaces))
            let comment = ([rest.hasPrefix("5") || rest.hasPrefix("10") ? "" : rest] + lines.dropFirst())
                .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            return (row[0], kind, score, comment)
        }
        return nil
    }

    /// "5", "5/5", "9 - great", "10." → the number; "1000", "about 5" → nil.
    static func leadingScore(_ line: String) -> Int? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let score = Int(digits) else { return nil }
        let next = line.dropFirst(digits.count).first
        return next == nil || !(next!.isLetter || next!.isNumber) ? score : nil
    }
}

extension AppDatabase {
    /// `tezgah survey record`: an answer the owner heard by phone or read elsewhere.
    public func recordSurveyAnswer(orderNumber: String, score: Int, comment: String, kind: SurveyKind, actor: String,
                                   now: Date) throws -> SurveyKind {
        try write { writer in
            try writer.recordSurveyAnswer(orderID: try writer.orderID(number: orderNumber), score: score, comment: comment, kind: kind,
                                          actor: actor, at: now)
        }
    }
}
