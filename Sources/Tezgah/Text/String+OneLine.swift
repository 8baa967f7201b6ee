extension String {
    /// The text with every line break (and run of them) made one space: for what must stay on one
    /// line, such as a subject, a name beside an address, or a program's error output in a reply.
    public var onOneLine: String { split(whereSeparator: \.isNewline).joined(separator: " ") }
}

extension Said {
    /// The sentence with every value, its parts' too, on one line: a value quoted from a file
    /// (a config's, a theme's) may hold a line break, and an error is one line.
    public var onOneLine: Said {
        var said = self
        said.values = values.mapValues(\.onOneLine)
        said.parts = parts.mapValues(\.onOneLine)
        return said
    }
}
