/// One terminal cell. A wide character (CJK) occupies its cell and the next one, which is a
/// `continuation` cell holding nothing of its own.
public struct Cell: Sendable, Hashable {
    /// The grapheme drawn here (with its combining marks); empty in a continuation cell.
    public var text: String
    public var style: Style
    /// 2 for a wide character, 1 for a narrow one, 0 for the right half of a wide one.
    public var width: UInt8

    public init(text: String, style: Style, width: UInt8) {
        self.text = text
        self.style = style
        self.width = width
    }

    public static let blank = Cell(text: " ", style: .plain, width: 1)

    public var isContinuation: Bool { width == 0 }
}
