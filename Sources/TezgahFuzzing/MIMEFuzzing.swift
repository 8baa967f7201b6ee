import Foundation
import Tezgah
import TezgahMail
import TezgahUI

/// Mail is the most hostile input tezgah reads. Whatever a file holds, the reader returns (never
/// traps), what the desk draws from it is free of control characters once cleaned, and a reply built
/// from it (to its sender, about its subject, threaded on its ids) either is refused or carries
/// exactly the headers tezgah writes, with the subject read back as written.
enum MIMEFuzzing {
    private static let shop = try! MailAddress("shop@example.com", displayName: "Ayşe'nin Dükkanı")
    private static let writtenHeaders: Set<String> = [
        "from", "to", "subject", "date", "message-id", "in-reply-to", "references", "mime-version",
        "content-type", "content-transfer-encoding",
    ]

    static func run(_ bytes: [UInt8]) throws {
        let mail = InboundMailReader.read(Data(bytes))
        for (what, text) in [("subject", mail.subject), ("sender's name", mail.fromName), ("body", mail.text),
                             ("sender", mail.fromAddress)] {
            try requireDrawable(TerminalSafeText.clean(text), what)
        }
        _ = MIMEReader.preview(of: String(decoding: bytes, as: UTF8.self))
        try replyAddsNoHeader(to: mail)
    }

    private static func replyAddsNoHeader(to mail: InboundMail) throws {
        guard let customer = try? MailAddress(mail.replyTo ?? mail.fromAddress, displayName: mail.fromName.nilIfBlank) else { return }
        let subject = "Re: " + mail.subject
        let reply = MailMessage(from: shop, to: [customer], subject: subject, date: Date(timeIntervalSince1970: 1_780_000_000),
                                messageID: "<reply.fuzz@example.com>", text: mail.text,
                                inReplyTo: mail.messageID, references: mail.references + [mail.messageID].compactMap { $0 })
        guard let rendered = try? reply.rendered() else { return }
        let head = rendered.components(separatedBy: "\r\n\r\n").first ?? ""
        for line in head.components(separatedBy: "\r\n") where !line.hasPrefix(" ") && !line.hasPrefix("\t") {
            let name = line.prefix { $0 != ":" }.lowercased()
            guard writtenHeaders.contains(name) else {
                throw FuzzFinding("a reply to this mail carries a header tezgah never writes: \(line.debugDescription)")
            }
        }
        let readBack = InboundMailReader.read(Data(rendered.utf8))
        guard readBack.subject.collapsingWhitespace == subject.collapsingWhitespace else {
            throw FuzzFinding("the reply's subject \(subject.debugDescription) reads back as \(readBack.subject.debugDescription)")
        }
    }
}

private extension String {
    var nilIfBlank: String? { trimmingCharacters(in: .whitespaces).isEmpty ? nil : self }

    /// Runs of white space as one space, trimmed: folding and encoded words may move white space.
    var collapsingWhitespace: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
