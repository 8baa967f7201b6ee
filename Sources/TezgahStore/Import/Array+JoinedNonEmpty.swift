extension Array where Element == String {
    /// The non-empty parts with `separator` between them, as exports' address and name cells are
    /// put together ("Bağdat Cd. 5", "", "İstanbul" → "Bağdat Cd. 5, İstanbul").
    func joinedNonEmpty(_ separator: String) -> String {
        var joined = ""
        for part in self where !part.isEmpty {
            if !joined.isEmpty { joined += separator }
            joined += part
        }
        return joined
    }
}
