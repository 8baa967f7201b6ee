import Foundation

/// Reads a message back with Python's `email` package, an RFC 5322/MIME reader independent of ours.
public enum PythonEmail {
    /// Headers (decoded), the parser's defects, and each leaf part as [content type, decoded text].
    public static func parse(_ raw: Data) throws -> [String: Any] {
        let folder = TemporaryFolder("tezgah-mail")
        let file = folder.file("message.eml")
        try raw.write(to: URL(fileURLWithPath: file))
        let script = """
        import email, email.policy, json, sys
        m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
        out = {k: str(m[k]) for k in ['From','To','Subject','Date','Message-ID','In-Reply-To','References','List-Unsubscribe','List-Unsubscribe-Post']}
        out['defects'] = [type(d).__name__ for d in m.defects]
        out['parts'] = [[p.get_content_type(), p.get_content()] for p in m.walk() if not p.is_multipart()]
        print(json.dumps(out))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PythonInterpreter.path() ?? "/usr/bin/python3")
        process.arguments = ["-c", script, file]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// The value of one header in a raw message, unfolded (enough for Message-ID and To).
    public static func header(_ name: String, in raw: Data) -> String? {
        let text = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let head = text.components(separatedBy: "\n\n").first ?? ""
        let unfolded = head.replacingOccurrences(of: "\n ", with: " ").replacingOccurrences(of: "\n\t", with: " ")
        for line in unfolded.split(separator: "\n") where line.lowercased().hasPrefix(name.lowercased() + ":") {
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
