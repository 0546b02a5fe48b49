import Foundation

/// One cell of a map grid, named as on a paper map: column letters, then row number ("C7").
public struct GridCell: Sendable, Hashable, Comparable, LosslessStringConvertible {
    /// 0 is column A, the westmost; 25 is Z, 26 is AA (as spreadsheets count).
    public let columnIndex: Int
    /// 0 is row 1, the northmost.
    public let rowIndex: Int

    public init(columnIndex: Int, rowIndex: Int) {
        precondition(columnIndex >= 0 && rowIndex >= 0, "grid cells count from 0")
        self.columnIndex = columnIndex
        self.rowIndex = rowIndex
    }

    /// "A", "B", ... "Z", "AA", "AB", ...
    public var columnLetters: String {
        var n = columnIndex + 1
        var letters: [Character] = []
        while n > 0 {
            n -= 1
            letters.append(Character(UnicodeScalar(UInt8(65 + n % 26))))
            n /= 26
        }
        return String(letters.reversed())
    }

    /// Counted from 1, as people say it.
    public var rowNumber: Int { rowIndex + 1 }

    public var description: String { "\(columnLetters)\(rowNumber)" }

    /// Reads what an officer types: letters then a row number, any case, spaces around ignored
    /// ("C7", "c7", " AA12 "). Nil for anything else, including row 0.
    public init?(parsing text: String) {
        let s = text.trimmingCharacters(in: .whitespaces).uppercased().utf8
        let letters = s.prefix { (65...90).contains($0) }
        let digits = s.dropFirst(letters.count)
        // Three letters and four digits are far past any sensible grid, and keep the arithmetic small.
        guard (1...3).contains(letters.count), (1...4).contains(digits.count),
              digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        var column = 0
        for b in letters { column = column * 26 + Int(b - 64) }
        var row = 0
        for b in digits { row = row * 10 + Int(b - 48) }
        guard row >= 1 else { return nil }
        self.init(columnIndex: column - 1, rowIndex: row - 1)
    }

    public init?(_ description: String) {
        self.init(parsing: description)
    }

    /// Reading order: row by row from the top, west to east within a row.
    public static func < (a: GridCell, b: GridCell) -> Bool {
        (a.rowIndex, a.columnIndex) < (b.rowIndex, b.columnIndex)
    }
}
