import Foundation

/// A shop's customer. `name` and `email` come from outside (imports, mail) and are untrusted text.
public struct Customer: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var email: String
    /// BCP 47 language of the customer's mail ("tr", "en").
    public var language: String
    public var city: String
    public var country: String
    public var createdAt: Date
    public var birthday: DateComponents?

    public init(id: Int64, name: String, email: String, language: String, city: String, country: String,
                createdAt: Date, birthday: DateComponents? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.language = language
        self.city = city
        self.country = country
        self.createdAt = createdAt
        self.birthday = birthday
    }
}

/// One entry of the activity log: who did what, when.
public struct ActivityEntry: Hashable, Sendable {
    public var at: Date
    public var actor: String
    public var action: String
    public var detail: String

    /// The actor the automation engine writes as; its details are kept phrases (`KeptPhrase`),
    /// where a person's are their own words.
    public static let automation = "automation"

    public init(at: Date, actor: String, action: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.detail = detail
    }
}

extension Customer {
    /// The language to write to a new customer in, from their country as exports give it (a code
    /// or a name): Turkish for Turkey, English elsewhere (the shop can change it per customer).
    public static func language(forCountry country: String) -> String {
        ["TR", "TUR", "TURKEY", "TÜRKIYE", "TÜRKİYE", "TURKIYE"].contains(country.uppercased()) ? "tr" : "en"
    }
}
