import NIOCore

/// One SMTP reply (RFC 5321 §4.2): a three-digit code and one or more lines of text.
struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    var isTransient: Bool { (400..<500).contains(code) }
    var isPermanent: Bool { code >= 500 }

    /// The reply as one line for the outbox row and the logs, e.g. `550 5.1.1 <a@b>: User unknown`.
    var text: String {
        let body = lines.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return body.isEmpty ? String(code) : "\(code) \(body)"
    }

    /// The EHLO keywords (upper-cased), from a 250 reply to EHLO; the first line is the greeting.
    var extensions: [String: String] {
        var found: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard let keyword = parts.first else { continue }
            found[keyword.uppercased()] = parts.count > 1 ? String(parts[1]) : ""
        }
        return found
    }
}

/// What went wrong talking to the server, as opposed to what the server replied.
enum SMTPConnectionError: Error, CustomStringConvertible {
    case timedOut(step: String)
    case closed(step: String)
    case malformedReply(String)
    case refused(String)

    var description: String {
        switch self {
        case .timedOut(let step): "timed out: no reply from the server \(step)"
        case .closed(let step): "connection lost: the server closed the connection \(step)"
        case .malformedReply(let line): "protocol error: the server sent \"\(line.prefix(60))\", which is not an SMTP reply"
        case .refused(let why): why
        }
    }
}

/// Splits the byte stream into replies: lines `ddd-text` continue a reply, `ddd text` ends it.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    private var lines: [String] = []
    private static let longestLine = 4096

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.longestLine { throw SMTPConnectionError.malformedReply("a line longer than 4096 bytes") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex + 1
        var bytes = buffer.readBytes(length: length) ?? []
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") { bytes.removeLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ (0x30...0x39).contains($0) }),
              bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-"),
              let code = Int(String(decoding: bytes[0...2], as: UTF8.self)) else {
            throw SMTPConnectionError.malformedReply(line)
        }
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") {
            context.fireChannelRead(Self.wrapInboundOut(SMTPReply(code: code, lines: lines)))
            lines = []
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
