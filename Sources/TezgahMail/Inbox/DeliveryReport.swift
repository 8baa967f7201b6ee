import Foundation
import Tezgah

/// Delivery reports: RFC 3464 `multipart/report; report-type=delivery-status`, and the plain-text
/// bounces older Postfix and Exim setups still send. Reads the status, the recipient, the server's
/// words and the Message-ID of the shop's mail that bounced (from the returned headers).
enum DeliveryReport {
    static func read(_ entity: MIMEEntity, mail: InboundMail) -> InboundMail.Bounce? {
        var problems: [String] = []
        let type = entity.contentType
        if type.value == "multipart/report", type.parameters["report-type"]?.lowercased() == "delivery-status",
           let boundary = type.parameters["boundary"] {
            let parts = entity.parts(boundary: boundary, problems: &problems)
            var fields: [String: String] = [:]
            var original: String?
            for part in parts {
                let partType = part.contentType.value
                if partType == "message/delivery-status" {
                    // Per-message fields, a blank line, per-recipient fields: read them all, the
                    // recipient's (later) winning.
                    for line in part.text(problems: &problems).split(whereSeparator: \.isNewline) {
                        guard let colon = line.firstIndex(of: ":") else { continue }
                        fields[line[..<colon].lowercased().trimmingCharacters(in: .whitespaces)] =
                            line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    }
                } else if partType == "message/rfc822" || partType == "text/rfc822-headers" || partType == "message/rfc822-headers" {
                    let returned = MIMEEntity(bytes: Array(part.decodedBytes(problems: &problems)), problems: &problems)
                    original = returned.header("Message-ID").flatMap { InboundMailReader.messageIDs(in: $0).first }
                }
            }
            let status = fields["status"] ?? ""
            let action = fields["action"]?.lowercased() ?? ""
            guard action != "delivered" && action != "relayed" && action != "expanded" else { return nil }
            let recipient = (fields["final-recipient"] ?? fields["original-recipient"]).map(afterType)
            let diagnostic = fields["diagnostic-code"].map(afterType) ?? status
            return InboundMail.Bounce(isPermanent: status.hasPrefix("5") || (status.isEmpty && action == "failed"),
                                      status: status, recipient: recipient, originalMessageID: original ?? mail.references.last,
                                      diagnostic: diagnostic)
        }
        return plainBounce(mail, failedRecipients: entity.header("X-Failed-Recipients"))
    }

    /// `rfc822; ayse@example.com` → `ayse@example.com`.
    private static func afterType(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return value }
        return value[value.index(after: semicolon)...].trimmingCharacters(in: .whitespaces)
    }

    /// A bounce without a report part: from the mailer daemon, with a subject bounces use or Exim's
    /// `X-Failed-Recipients` header, which names the address even when no line of the text does.
    private static func plainBounce(_ mail: InboundMail, failedRecipients: String?) -> InboundMail.Bounce? {
        let from = mail.fromAddress.lowercased()
        let subject = mail.subject.lowercased()
        let fromDaemon = from.hasPrefix("mailer-daemon@") || from.hasPrefix("postmaster@") || from == "mailer-daemon" || from.isEmpty
        guard fromDaemon else { return nil }
        let bounceSubject = ["undelivered mail returned to sender", "mail delivery failed", "delivery status notification",
                             "undeliverable", "returned mail", "failure notice"].contains { subject.contains($0) }
        let failed = failedRecipients?.split(separator: ",").lazy.map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.contains("@") }
        guard bounceSubject || failed != nil else { return nil }
        let lines = mail.text.split(whereSeparator: \.isNewline).map(String.init)
        // The first line with an SMTP reply or an enhanced status code says what happened.
        let reply = lines.first { line in line.range(of: #"\b[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b|\b[45]\.\d{1,3}\.\d{1,3}\b|\b5\d\d\b"#,
                                                     options: .regularExpression) != nil }
        let status = reply.flatMap { line in
            line.range(of: #"\b[245]\.\d{1,3}\.\d{1,3}\b"#, options: .regularExpression).map { String(line[$0]) }
                ?? line.range(of: #"\b[45]\d\d\b"#, options: .regularExpression).map { String(line[$0]) }
        } ?? ""
        let recipient = failed ?? lines.lazy.compactMap { line -> String? in
            guard let open = line.firstIndex(of: "<"), let close = line[open...].firstIndex(of: ">") else { return nil }
            let address = String(line[line.index(after: open)..<close])
            return address.contains("@") && !address.lowercased().hasPrefix("mailer-daemon") ? address : nil
        }.first
        let original = lines.lazy.compactMap { line -> String? in
            guard line.lowercased().hasPrefix("message-id:") else { return nil }
            return InboundMailReader.messageIDs(in: String(line.dropFirst("message-id:".count))).first
        }.first
        return InboundMail.Bounce(isPermanent: status.hasPrefix("5"), status: status, recipient: recipient,
                                  originalMessageID: original, diagnostic: reply?.trimmingCharacters(in: .whitespaces) ?? mail.subject)
    }
}
