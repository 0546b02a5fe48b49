import WatchfloorUI

/// The layout in use: the one the officer named (`--layout`, `:layout`), else the one that
/// suits the terminal's size, chosen again on every resize.
struct LayoutChoice {
    let catalogue: LayoutCatalogue
    /// Named by the officer; nil follows the screen size.
    private(set) var requested: String?

    static func load(files: DataFiles, requested: String?) throws(AppError) -> LayoutChoice {
        let catalogue: LayoutCatalogue
        do { catalogue = try LayoutCatalogue(directory: files.layouts.path) } catch { throw AppError(error.description) }
        var choice = LayoutChoice(catalogue: catalogue, requested: nil)
        if let requested { try choice.select(requested) }
        if choice.catalogue.layouts.isEmpty {
            throw AppError(catalogue.problems.first?.description ?? "no layouts in \(files.layouts.path)")
        }
        return choice
    }

    var available: [String] { catalogue.names }

    /// `:layout auto` goes back to choosing by size.
    mutating func select(_ name: String) throws(AppError) {
        if name == "auto" {
            requested = nil
            return
        }
        do { _ = try catalogue.layout(named: name) } catch { throw AppError(error.description) }
        requested = name
    }

    func layout(width: Int, height: Int) -> Layout? {
        if let requested, let named = try? catalogue.layout(named: requested) { return named }
        return try? catalogue.layout(for: ScreenSize(width: width, height: height))
    }

    /// The panes, their rectangles inside `area` and their options.
    func placed(in area: Rect, width: Int, height: Int) -> [PlacedPane] {
        layout(width: width, height: height)?.solve(in: area) ?? []
    }
}
