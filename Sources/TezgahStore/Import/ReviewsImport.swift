import Foundation
import GRDB
import Tezgah

/// Reads the reviews customers left on a review platform: Judge.me's export (`title`, `body`,
/// `rating`, `review_date`, `reviewer_name`, `reviewer_email`, … — it names no order), or a plain
/// `order,email,rating,date[,title,body]` sheet. Each review is linked to the order it is about
/// (by number, else the customer's newest invited order before the review, else their newest
/// order before it), that order's invite is marked reviewed (so no invite or reminder follows),
/// and the review counts in the Reviews pane's figures.
///
/// A review already imported is known by its platform, reviewer, date, rating and title, so
/// re-importing an overlapping export adds only what is new.
struct ReviewsImport {
    let records: CSVRecords
    let writer: ShopWriter
    let progress: (Int) throws -> Void
    let format: ImportFormat
    var now = Date()

    static let judgeMeColumns = ["rating", "review_date", "reviewer_email"]
    static let plainColumns = ["order", "email", "rating", "date"]

    func run() throws -> ImportSummary {
        var summary = ImportSummary(format: format)
        let judgeMe = format == .judgeMeReviews
        var rows = 0
        while try records.next() {
            rows += 1
            if rows % 1_000 == 0 { try progress(records.consumed) }
            let ratingColumn = "rating"
            guard let rating = Int(records[ratingColumn].trimmingCharacters(in: .whitespaces)), (1...5).contains(rating) else {
                throw records.error(ratingColumn, Said("\"{value}\" is not a rating from 1 to 5.", ["value": records[ratingColumn]]))
            }
            let dateColumn = judgeMe ? "review_date" : "date"
            guard let at = Self.date(records[dateColumn]) else {
                throw records.error(dateColumn, Said("\"{value}\" is not a date like 2026-11-24 or 2026-11-24 14:05:00 UTC.", ["value": records[dateColumn]]))
            }
            let email = records[judgeMe ? "reviewer_email" : "email"].trimmingCharacters(in: .whitespaces).lowercased()
            let orderNumber = judgeMe ? "" : records["order"].trimmingCharacters(in: .whitespaces)
            let (title, body) = (records["title"], records["body"])
            let key = "\(judgeMe ? "judgeme" : "csv"):\(orderNumber):\(email):\(at.unixSeconds):\(rating):\(title)"

            var orderID: Int64?
            if !orderNumber.isEmpty {
                orderID = try? writer.orderID(number: orderNumber)
                if orderID == nil {
                    summary.rowsSkipped += 1
                    summary.unknownParcels.append(orderNumber)
                    continue
                }
            }
            let customer = email.isEmpty ? nil : try Int64.fetchOne(writer.db.cachedStatement(sql: """
                SELECT id FROM customers WHERE email = ? COLLATE NOCASE ORDER BY id LIMIT 1
                """), arguments: [email])
            if orderID == nil, let customer { orderID = try orderReviewed(by: customer, before: at) }
            let customerID = try customer ?? orderID.flatMap {
                try Int64.fetchOne(writer.db.cachedStatement(sql: "SELECT customer_id FROM orders WHERE id = ?"), arguments: [$0])
            }
            try writer.db.cachedStatement(sql: """
                INSERT INTO reviews(order_id, customer_id, rating, title, body, reviewer, reviewed_at, source, source_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source_key) DO NOTHING
                """).execute(arguments: [orderID, customerID, rating, title, body, records[judgeMe ? "reviewer_name" : "name"],
                                         at.unixSeconds, judgeMe ? "judgeme" : "csv", key, now.unixSeconds])
            guard writer.db.changesCount > 0 else {
                summary.reviewsKnown += 1
                continue
            }
            summary.reviewsAdded += 1
            guard let orderID else { continue }
            summary.reviewsLinked += 1
            try writer.db.cachedStatement(sql: """
                UPDATE review_invites SET state = 'reviewed', reason = '', updated_at = ?
                WHERE order_id = ? AND state IN ('scheduled', 'deferred', 'held', 'sent', 'reminded')
                """).execute(arguments: [now.unixSeconds, orderID])
            if writer.db.changesCount > 0 {
                let invite = try Int64.fetchOne(writer.db.cachedStatement(sql: "SELECT id FROM review_invites WHERE order_id = ?"), arguments: [orderID])
                if let invite { try writer.reindexReviewInvite(invite) }
            }
            try writer.logActivity(at: now, actor: "import", subjectType: "order", subjectID: orderID, action: "review imported",
                                   detail: "\(rating)★ \(title.isEmpty ? body.prefix(60) : title.prefix(60))")
        }
        try progress(records.size)
        return summary
    }

    /// The order a review by this customer is most likely about: their newest invited order before
    /// the review, else their newest order placed before it.
    private func orderReviewed(by customer: Int64, before at: Date) throws -> Int64? {
        if let invited = try Int64.fetchOne(writer.db.cachedStatement(sql: """
            SELECT order_id FROM review_invites WHERE customer_id = ? AND sent_at IS NOT NULL AND sent_at <= ?
            ORDER BY sent_at DESC LIMIT 1
            """), arguments: [customer, at.unixSeconds]) { return invited }
        return try Int64.fetchOne(writer.db.cachedStatement(sql: """
            SELECT id FROM orders WHERE customer_id = ? AND placed_at <= ? ORDER BY placed_at DESC LIMIT 1
            """), arguments: [customer, at.unixSeconds])
    }

    /// "2026-11-24 14:05:00 UTC", "2026-11-24T14:05:00Z", "+0300" offsets, or a day alone (noon UTC).
    static func date(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = ShopifyDate.parse(trimmed) { return date }
        let parts = trimmed.split(separator: "-").compactMap { Int($0) }
        guard trimmed.count == 10, parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
    }
}
