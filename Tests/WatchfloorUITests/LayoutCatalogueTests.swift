import Foundation
import Testing
@testable import WatchfloorUI

@Suite("Choosing a layout by name or by screen size")
struct LayoutCatalogueTests {
    @Test("the shipped directory holds compact, default and wall, none refused")
    func shipped() throws {
        let catalogue = try LayoutCatalogue(directory: shippedLayouts)
        #expect(catalogue.names == ["compact", "default", "wall"])
        #expect(catalogue.problems.isEmpty, "\(catalogue.problems)")
    }

    @Test("with no name asked for, the screen size picks it", arguments: [
        (200, 50, "wall"), (240, 70, "wall"), (199, 60, "default"), (200, 49, "default"),
        (120, 36, "default"), (160, 40, "default"), (119, 40, "compact"), (120, 35, "compact"),
        (80, 24, "compact"), (60, 20, "compact"),
    ])
    func bySize(width: Int, height: Int, expected: String) throws {
        let catalogue = try LayoutCatalogue(directory: shippedLayouts)
        #expect(try catalogue.layout(for: ScreenSize(width: width, height: height)).name == expected)
    }

    @Test("on equal demands default wins over a file that sorts before it")
    func tie() throws {
        let fits = ScreenSize(width: 120, height: 36)
        let board = LayoutNode(.pane(.board, .defaults(for: .board)))
        let catalogue = LayoutCatalogue(layouts: [
            Layout(name: "alpha", description: "", fits: fits, root: board, file: "alpha.yaml"),
            Layout(name: "default", description: "", fits: fits, root: board, file: "default.yaml"),
        ])
        #expect(try catalogue.layout(for: ScreenSize(width: 130, height: 40)).name == "default")
    }

    @Test("an unknown name lists the layouts there are")
    func unknownName() throws {
        let catalogue = try LayoutCatalogue(directory: shippedLayouts)
        let error = #expect(throws: LayoutError.self) { try catalogue.layout(named: "wal") }
        #expect(error?.description == "\(shippedLayouts): no layout \"wal\" (one of compact, default, wall)")
    }

    @Test("a bad file is set aside with its reason, and asking for it by name gives that reason")
    func badFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("watchfloor-layouts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try layoutText(name: "good", "  widget: board").write(toFile: directory + "/good.yaml", atomically: true, encoding: .utf8)
        try layoutText(name: "broken", "  widget: mapp").write(toFile: directory + "/broken.yaml", atomically: true, encoding: .utf8)
        try "not a layout".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)

        let catalogue = try LayoutCatalogue(directory: directory)
        #expect(catalogue.names == ["good"])
        #expect(catalogue.problems.map(\.line) == [5])
        let error = #expect(throws: LayoutError.self) { try catalogue.layout(named: "broken") }
        #expect(error?.description == "\(directory)/broken.yaml:5: unknown widget \"mapp\" (one of board, map, detail, feeds, queue)")
        #expect(try catalogue.layout(for: ScreenSize(width: 80, height: 24)).name == "good")
    }

    @Test("a directory that cannot be read is an error, not an empty catalogue")
    func missingDirectory() {
        #expect(throws: LayoutError.self) { try LayoutCatalogue(directory: "/nonexistent/layouts") }
    }
}
