import Testing
@testable import WatchfloorUI

@Suite("A split shares its cells by fixed sizes, weights and minimums")
struct LayoutSplitTests {
    typealias S = LayoutNode.Sizing

    @Test("weights share in proportion")
    func weights() {
        #expect(LayoutSplit.cells(90, [.weight(1), .weight(2)]) == [30, 60])
        #expect(LayoutSplit.cells(120, [.weight(3), .weight(2)]) == [72, 48])
    }

    @Test("cells that do not divide go to the largest remainders, the earlier part on a tie")
    func remainders() {
        #expect(LayoutSplit.cells(10, [.weight(1), .weight(1), .weight(1)]) == [4, 3, 3])
        #expect(LayoutSplit.cells(11, [.weight(1), .weight(1), .weight(1)]) == [4, 4, 3])
        // 200 × 5/9 = 111.1 and 200 × 4/9 = 88.9: the larger remainder gets the spare cell.
        #expect(LayoutSplit.cells(200, [.weight(5), .weight(4)]) == [111, 89])
    }

    @Test("fixed sizes are honoured and weights share the rest")
    func fixed() {
        #expect(LayoutSplit.cells(100, [.fixed(40), .weight(1)]) == [40, 60])
        #expect(LayoutSplit.cells(100, [.weight(1), .fixed(8), .weight(3)]) == [23, 8, 69])
    }

    @Test("when fixed sizes do not fit, earlier parts get theirs first and weighted parts nothing")
    func fixedOverflow() {
        #expect(LayoutSplit.cells(10, [.weight(1), .fixed(8), .fixed(5)]) == [0, 8, 2])
    }

    @Test("a minimum is kept before fixed sizes, and a part whose minimum does not fit is hidden")
    func minimums() {
        #expect(LayoutSplit.cells(10, [.weight(1, min: 5), .fixed(7), .fixed(3)]) == [5, 5, 0])
        #expect(LayoutSplit.cells(90, [.weight(3, min: 60), .weight(2, min: 36)]) == [90, 0])
        #expect(LayoutSplit.cells(96, [.weight(3, min: 60), .weight(2, min: 36)]) == [60, 36])
    }

    @Test("a weighted part whose share falls below its minimum is held at it")
    func heldAtMinimum() {
        #expect(LayoutSplit.cells(40, [.weight(1), .weight(1, min: 30)]) == [10, 30])
    }

    @Test("with no weighted part shown, the last part shown takes what is left")
    func leftover() {
        #expect(LayoutSplit.cells(10, [.fixed(3), .fixed(3)]) == [3, 7])
        #expect(LayoutSplit.cells(10, [.fixed(3), .weight(1, min: 20)]) == [10, 0])
        #expect(LayoutSplit.cells(10, [.weight(1, min: 20), .weight(1, min: 30)]) == [10, 0])
    }

    @Test("the parts always add up to the length, and nothing is negative")
    func addsUp() {
        let splits: [[S]] = [
            [.weight(1)],
            [.fixed(5)],
            [.weight(3, min: 60), .weight(2, min: 36)],
            [.weight(1, min: 5), .fixed(7), .fixed(3)],
            [.fixed(4), .weight(7, min: 3), .fixed(9), .weight(2), .weight(5, min: 11)],
            [.fixed(10_000), .weight(1_000, min: 10_000)],
        ]
        for sizings in splits {
            for length in [0, 1, 2, 3, 7, 13, 24, 80, 120, 200, 997] {
                let cells = LayoutSplit.cells(length, sizings)
                #expect(cells.reduce(0, +) == length, "\(sizings) in \(length): \(cells)")
                #expect(cells.allSatisfy { $0 >= 0 }, "\(sizings) in \(length): \(cells)")
            }
        }
        #expect(LayoutSplit.cells(-5, [.weight(1), .fixed(2)]) == [0, 0])
    }
}

@Suite("Solving a layout places each pane with its options")
struct LayoutSolveTests {
    @Test("a part given no cells is absent, not placed empty")
    func absent() throws {
        let layout = try Layout.parse(yaml: layoutText("""
              column:
                - widget: board
                - widget: feeds
                  size: 3
            """), file: "layouts/bad.yaml")
        #expect(layout.solve(in: Rect(x: 0, y: 0, width: 80, height: 3)).map(\.pane) == [.feeds])
        #expect(layout.solve(in: Rect(x: 0, y: 0, width: 80, height: 2)).map(\.rect) == [Rect(x: 0, y: 0, width: 80, height: 2)])
    }

    @Test("options left out of the file have their defaults")
    func defaults() throws {
        let layout = try Layout.parse(yaml: layoutText("""
              row:
                - widget: map
                  legend: false
                - widget: board
            """), file: "layouts/bad.yaml")
        let placed = layout.solve(in: Rect(x: 0, y: 0, width: 80, height: 20))
        #expect(placed[0].options == WidgetOptions(["legend": .flag(false)]))
        #expect(placed[1].options.list("columns") == OptionSpec.boardColumns)
    }
}
