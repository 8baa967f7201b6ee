/// A rectangle of the screen.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}

/// Where things go for a terminal size and what is open. The list has the screen to itself until
/// Enter opens the selected row's detail: beside the list on wide screens, under it on mid-sized
/// ones, full screen on short ones (or on a second Enter). Below the minimum, nothing but a note.
///
/// Why the detail waits for Enter: a detail beside the list changes with every move, and redrawing
/// it costs a move more than ten times the bytes of the list alone (about 640 against 56 at 120×40),
/// which a slow mobile link feels. Once open it follows the cursor, as tig's split view does.
public struct Layout: Equatable, Sendable {
    public enum Arrangement: Equatable, Sendable { case sideBySide, stacked, listOnly, tooSmall }

    public static let minimumWidth = 40
    public static let minimumHeight = 8
    public static let sideBySideWidth = 120
    public static let stackedHeight = 20

    public let width: Int
    public let height: Int
    /// Where an open detail goes at this size.
    public let arrangement: Arrangement
    /// The list including its header row.
    public let list: Rect
    /// The detail area, when the detail is open beside or below the list.
    public let detail: Rect?

    public init(width: Int, height: Int, detail shown: DetailShown = .closed) {
        self.width = width
        self.height = height
        let content = Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
        if width < Self.minimumWidth || height < Self.minimumHeight {
            arrangement = .tooSmall
        } else if width >= Self.sideBySideWidth {
            arrangement = .sideBySide
        } else if height >= Self.stackedHeight {
            arrangement = .stacked
        } else {
            arrangement = .listOnly
        }
        switch (arrangement, shown) {
        case (.tooSmall, _):
            list = Rect(x: 0, y: 0, width: 0, height: 0)
            detail = nil
        case (.sideBySide, .open):
            let listWidth = width * 58 / 100
            list = Rect(x: 0, y: content.y, width: listWidth, height: content.height)
            detail = Rect(x: listWidth + 1, y: content.y, width: width - listWidth - 1, height: content.height)
        case (.stacked, .open):
            let listHeight = content.height * 11 / 20
            list = Rect(x: 0, y: content.y, width: width, height: listHeight)
            detail = Rect(x: 0, y: content.y + listHeight + 1, width: width, height: content.height - listHeight - 1)
        default:
            // Closed, or full screen (which keeps the list's size, so closing it needs no reload).
            list = content
            detail = nil
        }
    }

    /// List rows below the header.
    public var listRows: Int { max(1, list.height - 1) }
}

/// Whether the selected row's detail is shown, and how.
public enum DetailShown: Equatable, Sendable {
    case closed
    /// Beside or under the list, following the cursor; full screen where there is no room for both.
    case open
    /// The whole screen below the tabs, still following `j`/`k`.
    case fullScreen
}
