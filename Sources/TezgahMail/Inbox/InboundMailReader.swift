import Foundation
import Tezgah

/// Reads a mail file as customers' clients and mail servers write it (RFC 5322, MIME RFC 2045–2047
/// and 2231, RFC 6532 8-bit headers, RFC 3676 format=flowed, RFC 3464 delivery reports) into an
/// `InboundMail`. Works on bytes, since a part may be in any charset; never throws: what cannot be
/// read is noted in `problems` and the rest is kept.
public enum InboundMailReader {
    public static func read(_ data: Data) -> InboundMail {
        var mail = InboundMail()
        let entity = MIMEEntity(bytes: Array(data), problems: &mail.problems)
        readHeaders(entity, into: &mail)
        var body = BodyText()
        collect(entity, into: &body, attachments: &mail.attachments, problems: &mail.problems, depth: 0)
        mail.text = body.best
        mail.kind = kind(of: mail, entity: entity)
        return mail
    }

    // MARK: Headers

    private static func readHeaders(_ entity: MIMEEntity, into mail: inout InboundMail) {
        mail.messageID = entity.header("Message-ID").flatMap { messageIDs(in: $0).first }
        mail.inReplyTo = entity.header("In-Reply-To").map(messageIDs) ?? []
        mail.references = entity.header("References").map(messageIDs) ?? []
        if let from = entity.header("From").map(MailboxParser.first) {
            mail.fromAddress = from.address
            mail.fromName = from.name
        }
        mail.replyTo = entity.header("Reply-To").map(MailboxParser.first)?.address.nilIfEmpty
        mail.subject = (entity.header("Subject").map(EncodedWord.decode) ?? "").onOneLine
            .trimmingCharacters(in: .whitespaces)
        mail.date = entity.header("Date").flatMap(MailDate.parse)
    }

    /// Every `<id>` in a header value; a bare id (some clients leave the brackets off) counts too.
    static func messageIDs(in value: String) -> [String] {
        var ids: [String] = []
        var rest = value[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[open...close].filter { !$0.isWhitespace }
            if id.count > 2 { ids.append(String(id)) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            let bare = value.trimmingCharacters(in: .whitespaces)
            if bare.contains("@"), !bare.contains(" ") { ids.append("<\(bare)>") }
        }
        return ids
    }

    // MARK: Body

    /// The text parts found, the plain one preferred to one made from HTML.
    struct BodyText {
        var plain: [String] = []
        var html: [String] = []
        var best: String { (plain.isEmpty ? html : plain).joined(separator: "\n\n") }
    }

    private static func collect(_ entity: MIMEEntity, into body: inout BodyText, attachments: inout [InboundMail.Attachment],
                                problems: inout [String], depth: Int) {
        let type = entity.contentType
        if type.value.hasPrefix("multipart/") && depth < 20 {
            guard let boundary = type.parameters["boundary"], !boundary.isEmpty else {
                problems.append(KeptPhrase.partWithoutBoundary)
                body.plain.append(entity.text(problems: &problems))
                return
            }
            let parts = entity.parts(boundary: boundary, problems: &problems)
            if type.value == "multipart/alternative" {
                // One of these says it all: the plain one if there is one, else the richest.
                var alternatives = BodyText()
                for part in parts { collect(part, into: &alternatives, attachments: &attachments, problems: &problems, depth: depth + 1) }
                if let plain = alternatives.plain.first { body.plain.append(plain) } else if let html = alternatives.html.last { body.html.append(html) }
                return
            }
            for part in parts { collect(part, into: &body, attachments: &attachments, problems: &problems, depth: depth + 1) }
            return
        }
        let disposition: (value: String, parameters: [String: String]) =
            entity.header("Content-Disposition").map(MIMEEntity.parameters) ?? ("", [:])
        let name = disposition.parameters["filename"] ?? type.parameters["name"]
        let isAttachment = disposition.value == "attachment" || (name != nil && !type.value.hasPrefix("text/"))
        if isAttachment || !(type.value.hasPrefix("text/") || type.value == "message/delivery-status") {
            let size = entity.decodedBytes(problems: &problems).count
            attachments.append(InboundMail.Attachment(name: name ?? (type.value == "message/rfc822" ? "forwarded message" : "unnamed"),
                                                      type: type.value, size: size))
            return
        }
        switch type.value {
        case "text/html": body.html.append(HTMLText.plain(entity.text(problems: &problems)))
        case "text/plain":
            var text = entity.text(problems: &problems)
            if type.parameters["format"]?.lowercased() == "flowed" {
                text = FlowedText.unflow(text, deleteSpace: type.parameters["delsp"]?.lowercased() == "yes")
            }
            body.plain.append(text)
        default: break // text/rfc822-headers, delivery-status: read by the bounce check
        }
    }

    // MARK: Kind

    private static func kind(of mail: InboundMail, entity: MIMEEntity) -> InboundMail.Kind {
        if let bounce = DeliveryReport.read(entity, mail: mail) { return .bounce(bounce) }
        if isAutoReply(entity, subject: mail.subject) { return .autoReply }
        if isUnsubscribe(mail) { return .unsubscribe }
        return .message
    }

    private static func isAutoReply(_ entity: MIMEEntity, subject: String) -> Bool {
        if let auto = entity.header("Auto-Submitted")?.lowercased(), !auto.hasPrefix("no") { return true }
        if entity.header("X-Autoreply") != nil || entity.header("X-Autorespond") != nil { return true }
        if let precedence = entity.header("Precedence")?.lowercased(), precedence.contains("auto_reply") { return true }
        let folded = SearchFolding.fold(subject)
        return ["out of office", "automatic reply", "auto reply", "autoreply", "otomatik yanit", "otomatik cevap",
                "ofis disinda", "vacation", "abwesenheitsnotiz"].contains { folded.contains($0) }
    }

    private static func isUnsubscribe(_ mail: InboundMail) -> Bool {
        let words = ["unsubscribe", "abonelikten cik", "abonelikten cikar", "abonelikten cikmak istiyorum"]
        let subject = SearchFolding.fold(InboundSubject.stripped(mail.subject))
        let firstLine = SearchFolding.fold(mail.text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
            .map(String.init) ?? "")
        return words.contains(subject) || words.contains(firstLine.trimmingCharacters(in: .punctuationCharacters))
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
