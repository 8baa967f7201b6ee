extension String {
    /// The text with every line break (and run of them) made one space: for what must stay on one
    /// line, such as a subject, a name beside an address, or a program's error output in a reply.
    public var onOneLine: String { split(whereSeparator: \.isNewline).joined(separator: " ") }
}
