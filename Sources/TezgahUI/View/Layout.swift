/// A rectangle of the screen.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}

/// Where things go for a terminal size. Wide screens put the detail beside the list, mid-sized ones
/// under it, short ones hide it (Enter shows it full screen); below the minimum, nothing but a note.
public struct Layout: Equatable, Sendable {
    public enum Arrangement: Equatable, Sendable { case sideBySide, stacked, listOnly, tooSmall }

    public static let minimumWidth = 40
    public static let minimumHeight = 8
    public static let sideBySideWidth = 120
    public static let stackedHeight = 20

    public let width: Int
    public let height: Int
    public let arrangement: Arrangement
    /// The list including its header row.
    public let list: Rect
    /// The detail area, if shown beside or below the list.
    public let detail: Rect?

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        let content = Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
        if width < Self.minimumWidth || height < Self.minimumHeight {
            arrangement = .tooSmall
            list = Rect(x: 0, y: 0, width: 0, height: 0)
            detail = nil
        } else if width >= Self.sideBySideWidth {
            arrangement = .sideBySide
            let listWidth = width * 58 / 100
            list = Rect(x: 0, y: content.y, width: listWidth, height: content.height)
            detail = Rect(x: listWidth + 1, y: content.y, width: width - listWidth - 1, height: content.height)
        } else if height >= Self.stackedHeight {
            arrangement = .stacked
            let listHeight = content.height * 11 / 20
            list = Rect(x: 0, y: content.y, width: width, height: listHeight)
            detail = Rect(x: 0, y: content.y + listHeight + 1, width: width, height: content.height - listHeight - 1)
        } else {
            arrangement = .listOnly
            list = content
            detail = nil
        }
    }

    /// List rows below the header.
    public var listRows: Int { max(1, list.height - 1) }
}
