/// A filter the owner named (`:filter save late-gifts`), recalled by name or by its number key.
public struct SavedFilter: Hashable, Sendable {
    public var name: String
    public var query: String

    public init(name: String, query: String) {
        self.name = name
        self.query = query
    }
}
