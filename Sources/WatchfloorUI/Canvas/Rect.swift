/// A rectangle of terminal cells: columns `x..<x+width`, rows `y..<y+height`.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let empty = Rect(x: 0, y: 0, width: 0, height: 0)

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The rectangle shrunk by `n` cells on every side (a border's inside).
    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// Row `i` of the rectangle as a one-row rectangle.
    public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: i < height ? 1 : 0) }

    /// The top `n` rows and what is left below them.
    public func splitTop(_ n: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// The left `n` columns and what is left beside them.
    public func splitLeft(_ n: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, n), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    public var description: String { "\(width)×\(height)+\(x)+\(y)" }
}
