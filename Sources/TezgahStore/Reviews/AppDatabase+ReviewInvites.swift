import Foundation
import GRDB
import Tezgah

/// What undo needs to put an invite back: its facts before and after, and what the action made.
struct ReviewInviteUndoRecord: Codable, Equatable {
    var before: ReviewInviteFacts
    var after: ReviewInviteFacts
    var mailID: Int64?
    var reviewID: Int64?
}

extension AppDatabase {
    /// Sends now, holds, releases, skips or records a review for invites, each with its log entry,
    /// in one transaction and one batch that `u` undoes. `reviewLink` makes the invite's link from
    /// the order number (nil when the config names no review page: then nothing can be sent).
    /// Returns the invites changed and a sentence for each that the action did not fit.
    public func apply(_ action: ReviewInviteAction, toInvites ids: [Int64], actor: String, now: Date,
                      composer: DatedOrderMailComposer?, reviewLink: (@Sendable (String) -> String)?) throws -> (changed: Int, problems: [Said]) {
        if action == .sendNow && (composer == nil || reviewLink == nil) {
            throw StoreError.refused(composer == nil ? Said("Nothing can be sent: the config has no [mail] section.")
                                     : Said("Nothing can be sent: set [automations.review_invite] url, the page where customers write reviews."))
        }
        return try write { writer in
            let db = writer.db
            let batch = try writer.nextActivityBatch()
            var changed = 0
            var problems: [Said] = []
            for id in ids {
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT i.state, i.reason, i.held_from, i.sent_at, i.order_id, o.number, i.customer_id
                    FROM review_invites i JOIN orders o ON o.id = i.order_id WHERE i.id = ?
                    """, arguments: [id]) else { continue }
                let before = ReviewInviteFacts(state: row.value(0, default: .scheduled), reason: row[1],
                                               heldFrom: (row[2] as String?).flatMap(ReviewInviteState.init(rawValue:)), sentAt: row[3])
                let (orderID, number): (Int64, String) = (row[4], row[5])
                let after: ReviewInviteFacts
                switch before.applying(action, by: actor, now: now) {
                case .failure(let refusal): problems.append(Said("The invite for {number} {reason}", ["number": number], parts: ["reason": refusal.reason])); continue
                case .success(let next): after = next
                }
                var record = ReviewInviteUndoRecord(before: before, after: after)
                switch action {
                case .sendNow:
                    guard let order = try writer.orderFacts(id: orderID), let composer, let reviewLink else { continue }
                    let request = OrderMailRequest(kind: .reviewInvite, dedupeKey: "review_invite:order:\(orderID)", orderID: orderID,
                                                   orderNumber: number, customer: order.customer,
                                                   total: Money(minorUnits: order.facts.total, currency: .code(order.facts.currency)),
                                                   values: ["review_url": reviewLink(number)])
                    do {
                        record.mailID = try writer.enqueueMail(try composer(request, now))
                    } catch let unmailable as UnmailableRecipient {
                        problems.append(Said("The invite for {number} was not sent: {reason}", ["number": number], phrases: ["reason": unmailable.reason]))
                        continue
                    }
                case .recordReview(let rating, let text):
                    record.reviewID = try writer.run("""
                        INSERT INTO reviews(order_id, customer_id, rating, body, reviewed_at, source, source_key, created_at)
                        VALUES (?, ?, ?, ?, ?, 'desk', ?, ?)
                        """, [orderID, row[6] as Int64, rating, text, now.unixSeconds, "desk:invite:\(id):\(now.unixSeconds)", now.unixSeconds])
                default: break
                }
                try db.execute(sql: "UPDATE review_invites SET state = ?, reason = ?, held_from = ?, sent_at = ?, updated_at = ? WHERE id = ?",
                               arguments: [after.state.rawValue, after.reason, after.heldFrom?.rawValue, after.sentAt, now.unixSeconds, id])
                try writer.reindexReviewInvite(id)
                let detail: String = switch action {
                case .skip(let reason): reason
                case .recordReview(_, let text): text
                case .sendNow: record.mailID.map { "mail \($0)" } ?? ""
                default: ""
                }
                let entry = try writer.logActivity(at: now, actor: actor, subjectType: UndoSubject.invite.rawValue, subjectID: id,
                                                   action: action.pastTense, detail: detail)
                try writer.recordUndo(activityID: entry, batch: batch, record)
                changed += 1
            }
            return (changed, problems)
        }
    }

    public func lastUndoableInviteChange(actor: String) throws -> UndoableChange? {
        try pool.read { db in
            guard let batch = try lastUndoableBatch(db, actor: actor, subject: .invite) else { return nil }
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.action, a.detail, o.number FROM activity_log a JOIN review_invites i ON i.id = a.subject_id
                JOIN orders o ON o.id = i.order_id
                WHERE a.batch = ? AND a.subject_type = 'review_invite' AND a.undo IS NOT NULL ORDER BY a.id
                """, arguments: [batch])
            guard let first = rows.first else { return nil }
            return UndoableChange(subject: .invite, batch: batch, description: Self.undoDescription(
                action: first[0], detail: first[1], labels: rows.map { $0[2] as String }, subject: .invite))
        }
    }

    /// Puts the invites of one batch back: their state, the review recorded (removed), and the mail
    /// sent now (cancelled while still queued). An invite changed since is left alone.
    public func undoInviteChange(batch: Int64, actor: String, now: Date) throws -> UndoReport {
        try write { writer in
            var report = UndoReport(subject: .invite)
            let entries = try Row.fetchAll(writer.db, sql: """
                SELECT subject_id, action, undo FROM activity_log
                WHERE batch = ? AND subject_type = 'review_invite' AND undo IS NOT NULL AND undone_at IS NULL ORDER BY id DESC
                """, arguments: [batch])
            for entry in entries {
                let id: Int64 = entry[0]
                let record = try JSONDecoder().decode(ReviewInviteUndoRecord.self, from: Data((entry[2] as String).utf8))
                guard let row = try Row.fetchOne(writer.db, sql: "SELECT state, reason, held_from, sent_at FROM review_invites WHERE id = ?",
                                                 arguments: [id]) else { continue }
                let facts = ReviewInviteFacts(state: row.value(0, default: .scheduled), reason: row[1],
                                              heldFrom: (row[2] as String?).flatMap(ReviewInviteState.init(rawValue:)), sentAt: row[3])
                guard facts == record.after else {
                    report.problems.append(Said("Invite {id} changed since it was {action} (it is {state} now); left as it is.", ["id": String(id)],
                                                phrases: ["action": entry[1] as String, "state": facts.state.title]))
                    continue
                }
                if let mail = record.mailID { try writer.takeBackMail(mail, actor: actor, now: now, report: &report) }
                if let review = record.reviewID { try writer.db.execute(sql: "DELETE FROM reviews WHERE id = ?", arguments: [review]) }
                let before = record.before
                try writer.db.execute(sql: "UPDATE review_invites SET state = ?, reason = ?, held_from = ?, sent_at = ?, updated_at = ? WHERE id = ?",
                                      arguments: [before.state.rawValue, before.reason, before.heldFrom?.rawValue, before.sentAt, now.unixSeconds, id])
                try writer.reindexReviewInvite(id)
                try writer.logActivity(at: now, actor: actor, subjectType: UndoSubject.invite.rawValue, subjectID: id, action: "undid",
                                       detail: entry[1])
                report.restored.append(id)
            }
            try writer.db.execute(sql: """
                UPDATE activity_log SET undone_at = ? WHERE batch = ? AND subject_type = 'review_invite' AND undo IS NOT NULL AND undone_at IS NULL
                """, arguments: [now.unixSeconds, batch])
            try writer.refreshMailSearch()
            return report
        }
    }

    /// The Reviews pane's figures: invites sent in the last 30 days and how many were reviewed,
    /// the average rating, CSAT and NPS of the last 90 days. Each is a range of an index by time.
    public func reviewFigures(now: Date) throws -> ReviewFigures {
        try pool.read { db in
            var figures = ReviewFigures()
            let month = now.addingTimeInterval(-30 * 86_400).unixSeconds, quarter = now.addingTimeInterval(-90 * 86_400).unixSeconds
            // Whole days from the Insight summary, the partial ones from the table: counting every
            // invite of the month on each visit to Reviews read 89k index entries at 1M orders.
            // Sent counts the invites that later expired too, as Insight's conversion does.
            let invites = DailyCounts(db: db, since: month, until: now.unixSeconds)
            (figures.invitesSent, figures.invitesReviewed) = (try invites["invites_sent"], try invites["invites_reviewed"])
            figures.averageRating = try Double.fetchOne(db, sql: "SELECT avg(rating) FROM reviews WHERE reviewed_at > ?", arguments: [quarter])
            let csat = try Row.fetchOne(db, sql: "SELECT avg(score), count(score) FROM surveys WHERE kind = 'csat' AND sent_at > ? AND score IS NOT NULL",
                                        arguments: [quarter])!
            (figures.csatAverage, figures.csatAnswers) = (csat[0], csat[1])
            let nps = try Int.fetchAll(db, sql: "SELECT score FROM surveys WHERE kind = 'nps' AND sent_at > ? AND score IS NOT NULL",
                                       arguments: [quarter])
            (figures.nps, figures.npsAnswers) = (ReviewFigures.nps(nps), nps.count)
            return figures
        }
    }
}
