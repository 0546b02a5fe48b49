import Foundation
import Testing
@testable import WatchfloorUI

/// A bad layout file and the one line the officer should read about it.
struct BadLayout: CustomTestStringConvertible, Sendable {
    let label: String
    let text: String
    let message: String
    var testDescription: String { label }
}

@Suite("A bad layout file is refused with its file, line and reason")
struct LayoutErrorTests {
    static let cases: [BadLayout] = [
        BadLayout(label: "unknown widget", text: layoutText("""
              row:
                - widget: board
                - widget: mapp
            """),
            message: #"layouts/bad.yaml:7: unknown widget "mapp" (one of board, map, detail, feeds, queue)"#),
        BadLayout(label: "YAML syntax", text: layoutText("""
              row:
                - widget: board
                 size: 40
            """),
            message: #"layouts/bad.yaml:7: not valid YAML: did not find expected '-' indicator (check the indentation and the "key: value" spacing here and just above)"#),
        BadLayout(label: "a part with no widget", text: layoutText("""
              row:
                - widget: board
                - weight: 2
            """),
            message: #"layouts/bad.yaml:7: this part shows nothing: give it "widget" (one of board, map, detail, feeds, queue) or split it with "row" or "column""#),
        BadLayout(label: "a misspelt widget key", text: layoutText("""
              row:
                - widgt: board
            """),
            message: #"layouts/bad.yaml:6: unknown key "widgt" in this part (one of size, weight, min, widget, row, column, columns, legend, compact)"#),
        BadLayout(label: "both size and weight", text: layoutText("""
              row:
                - widget: board
                  size: 40
                  weight: 2
            """),
            message: #"layouts/bad.yaml:8: both "size" and "weight"; a part is either a fixed number of cells (size) or a share (weight)"#),
        BadLayout(label: "zero size", text: layoutText("""
              row:
                - widget: board
                  size: 0
            """),
            message: #"layouts/bad.yaml:7: "size" must be a whole number from 1 to 10000, not 0"#),
        BadLayout(label: "negative weight", text: layoutText("""
              row:
                - widget: board
                  weight: -2
            """),
            message: #"layouts/bad.yaml:7: "weight" must be a whole number from 1 to 1000, not -2"#),
        BadLayout(label: "a size that is not a number", text: layoutText("""
              row:
                - widget: board
                  size: wide
            """),
            message: #"layouts/bad.yaml:7: "size" must be a whole number"#),
        BadLayout(label: "min with size", text: layoutText("""
              row:
                - widget: board
                  size: 40
                  min: 20
            """),
            message: #"layouts/bad.yaml:8: "min" only applies to a part with a "weight"; a part with a "size" is already fixed"#),
        BadLayout(label: "a pane used twice", text: layoutText("""
              row:
                - widget: board
                - column:
                    - widget: map
                    - widget: board
            """),
            message: #"layouts/bad.yaml:9: widget "board" is already placed at line 6; each pane appears once"#),
        BadLayout(label: "an option of another widget", text: layoutText("""
              row:
                - widget: board
                  legend: false
            """),
            message: #"layouts/bad.yaml:7: unknown key "legend" in widget "board" (one of widget, size, weight, min, columns)"#),
        BadLayout(label: "a flag that is not true or false", text: layoutText("""
              row:
                - widget: map
                  legend: maybe
            """),
            message: #"layouts/bad.yaml:7: "legend" must be true or false"#),
        BadLayout(label: "an unknown board column", text: layoutText("""
              row:
                - widget: board
                  columns: [level, severity]
            """),
            message: #"layouts/bad.yaml:7: unknown columns entry "severity" (one of level, category, title, place, grid, agencies, status, age, units)"#),
        BadLayout(label: "columns as a single word", text: layoutText("""
              row:
                - widget: board
                  columns: level
            """),
            message: #"layouts/bad.yaml:7: "columns" must be a list such as [level, category]"#),
        BadLayout(label: "a widget and a split in one part", text: layoutText("""
              row:
                - widget: board
                  column:
                    - widget: map
            """),
            message: #"layouts/bad.yaml:6: this part has both "widget" and "column"; give it one, and put the rest in a split"#),
        BadLayout(label: "an empty split", text: layoutText("""
              row: []
            """),
            message: #"layouts/bad.yaml:5: "row" lists no parts; give it at least one"#),
        BadLayout(label: "a size on the whole layout", text: layoutText("""
              size: 40
              widget: board
            """),
            message: #"layouts/bad.yaml:5: "size" has no meaning on the whole layout, which always fills the screen; put it on the parts of a split"#),
        BadLayout(label: "a key given twice", text: layoutText("""
              row:
                - widget: board
                  weight: 1
                  weight: 2
            """),
            message: #"layouts/bad.yaml:7: "weight" is given twice in the same place; keep one"#),
        BadLayout(label: "a name that is not the file's", text: layoutText(name: "badd", """
              widget: board
            """),
            message: #"layouts/bad.yaml:1: name "badd" differs from the file name; call it "bad" or rename the file"#),
        BadLayout(label: "no fits", text: """
            name: bad
            description: a layout under test
            layout:
              widget: board
            """,
            message: #"layouts/bad.yaml:1: the file has no "fits""#),
        BadLayout(label: "an unknown file key", text: layoutText("""
              widget: board
            """) + "\ntheme: dark",
            message: #"layouts/bad.yaml:6: unknown key "theme" in the file (one of name, description, fits, layout)"#),
        BadLayout(label: "an empty file", text: "# nothing yet\n",
            message: #"layouts/bad.yaml: the file is empty; a layout needs name, description, fits and layout"#),
    ]

    @Test("refused with the line and the reason", arguments: cases)
    func refused(_ bad: BadLayout) {
        let error = #expect(throws: LayoutError.self) { try Layout.parse(yaml: bad.text, file: "layouts/bad.yaml") }
        #expect(error?.description == bad.message)
    }

    @Test("a file that cannot be read is named with the reason")
    func unreadable() {
        let error = #expect(throws: LayoutError.self) { try Layout.load(path: "/nonexistent/layouts/wall.yaml") }
        #expect(error?.description == "/nonexistent/layouts/wall.yaml: cannot read the layout file: No such file or directory")
    }

    @Test("the smallest good file is accepted, so the cases above fail for their own reason")
    func control() throws {
        let layout = try Layout.parse(yaml: layoutText("  widget: board"), file: "layouts/bad.yaml")
        #expect(layout.panes == [.board])
        #expect(layout.root.sizing == .weight(1, min: 0))
    }
}
