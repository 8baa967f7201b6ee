/// A colour theme: a style for every role. Loaded from `Themes/NAME.toml` (see `Theme+Loading`).
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> Style {
        styles[role] ?? styles[.normal] ?? Style()
    }

    /// The theme with colours removed and attributes kept (`NO_COLOR`, or a terminal without colour).
    public var withoutColor: Theme {
        Theme(name: name, styles: styles.mapValues(\.withoutColor))
    }

    /// Used when no theme file can be found: attributes only, so it reads on any terminal.
    public static let builtIn = Theme(name: "built-in", styles: [
        .normal: Style(), .dim: Style(dim: true), .title: Style(bold: true), .border: Style(dim: true),
        .tabActive: Style(bold: true, reverse: true), .tabInactive: Style(), .header: Style(bold: true, underline: true),
        .selected: Style(reverse: true), .statusBar: Style(reverse: true), .statusKey: Style(bold: true, reverse: true),
        .accent: Style(bold: true), .good: Style(), .warning: Style(bold: true), .bad: Style(bold: true, underline: true),
        .money: Style(), .filter: Style(bold: true), .helpKey: Style(bold: true), .helpText: Style(),
        .message: Style(bold: true),
    ])
}
