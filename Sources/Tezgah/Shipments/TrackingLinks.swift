/// The shop's tracking-link templates: the carriers' defaults, overridden per carrier by the config
/// (`[tracking.urls]`), because carriers move their tracking pages and shops use local portals.
public struct TrackingLinks: Equatable, Sendable {
    /// Templates with `{n}` where the tracking number goes.
    public var templates: [Carrier: String]

    public init(templates: [Carrier: String] = [:]) {
        self.templates = templates
    }

    public func url(_ carrier: Carrier, _ number: String) -> String {
        carrier.trackingURL(for: number, template: templates[carrier])
    }
}
