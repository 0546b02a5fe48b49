/// A grid of cells that widgets draw into. It measures text by display columns: a Chinese
/// character takes two cells and is cut whole, never split (DESIGN §6). The terminal layer
/// copies a Canvas to the screen; tests and `--headless` snapshots read it as text.
public struct Canvas: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from column `x` of row `y`, never past `limit` columns nor the edge,
    /// and returns the columns it used. A wide character that does not fit whole leaves a
    /// blank. Text from feeds must be made inert (`InertText`) before it gets here.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int = .max) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, limit == .max ? width : x + max(0, limit))
        var column = x
        for character in text {
            let w = Self.columns(of: character)
            if w == 0 { continue }
            if column + w > end {
                while column < end {
                    if column >= 0 { set(column, y, Cell(text: " ", style: style, width: 1)) }
                    column += 1
                }
                break
            }
            if column >= 0 {
                set(column, y, Cell(text: String(character), style: style, width: UInt8(w)))
                if w == 2 { set(column + 1, y, Cell(text: "", style: style, width: 0)) }
            }
            column += w
        }
        return column - x
    }

    /// Sets one cell as prepared: for widgets that draw thousands of single narrow glyphs a
    /// frame (the map) and so cannot afford to measure and build each one. Off-canvas is ignored.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard y >= 0, y < height else { return }
        set(x, y, cell)
    }

    /// Fills a rectangle with one character (narrow) in one style.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let cell = Cell(text: String(character), style: style, width: 1)
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { set(x, y, cell) }
        }
    }

    /// Restyles a rectangle, keeping its text (a selected row, a shaded map area).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { change(&cells[y * width + x].style) }
        }
    }

    /// Each row as plain text, wide characters once, trailing blanks dropped.
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    public var text: String { lines().joined(separator: "\n") }

    /// Sets one cell, mending any wide character it cuts in half.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width else { return }
        let i = y * width + x
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(text: " ", style: cells[i - 1].style, width: 1) }
        if cells[i].width == 2, cell.width != 2, x + 1 < width {
            cells[i + 1] = Cell(text: " ", style: cells[i + 1].style, width: 1)
        }
        if cell.width == 2 && x + 1 >= width {
            cells[i] = Cell(text: " ", style: cell.style, width: 1)
            return
        }
        cells[i] = cell
    }

    /// Display columns of one grapheme: 2 for wide, 0 for lone combining marks or controls.
    static func columns(of character: Character) -> Int {
        var w = 0
        for s in character.unicodeScalars { w = max(w, DisplayWidth.of(s)) }
        return w
    }
}
