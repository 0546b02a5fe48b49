/// A screen layout: how the area above the status bar and the command line is shared
/// among panes. Read from a YAML file in `layouts/` (see layouts/README.md).
public struct Layout: Sendable, Hashable {
    /// The name `:layout NAME` and `--layout NAME` use; always the file's name without `.yaml`.
    public var name: String
    /// One line saying what the layout is for, shown when layouts are listed.
    public var description: String
    /// The smallest screen (status bar and command line included) the layout is meant for.
    public var fits: ScreenSize
    /// The whole layout area: a single pane or a split.
    public var root: LayoutNode
    /// Where the layout was read from, so later complaints can name it.
    public var file: String

    public init(name: String, description: String, fits: ScreenSize, root: LayoutNode, file: String) {
        self.name = name
        self.description = description
        self.fits = fits
        self.root = root
        self.file = file
    }

    /// The panes in the order they appear in the file, which is also the order Tab visits them.
    public var panes: [Pane] { root.panes }
}

/// A terminal's size in cells.
public struct ScreenSize: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Whether a screen of this size is at least as large as `other` both ways.
    public func contains(_ other: ScreenSize) -> Bool { width >= other.width && height >= other.height }

    public var description: String { "\(width)×\(height)" }
}

/// One part of a layout: how much of its parent it takes, and what it shows.
public struct LayoutNode: Sendable, Hashable {
    public var sizing: Sizing
    public var content: Content

    public init(_ content: Content, sizing: Sizing = .weight(1)) {
        self.sizing = sizing
        self.content = content
    }

    /// How much of the parent split a part takes along the split's direction.
    public enum Sizing: Sendable, Hashable {
        /// Exactly this many cells, as far as the space allows.
        case fixed(Int)
        /// A share of what the fixed parts leave, in proportion to the weight; below `min`
        /// cells the part is hidden and its space goes to its siblings.
        case weight(Int, min: Int = 0)
    }

    /// What a part shows: one pane, or further parts side by side or stacked.
    public indirect enum Content: Sendable, Hashable {
        case pane(Pane, WidgetOptions)
        case split(Direction, [LayoutNode])
    }

    /// The direction a split lays its parts out in.
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        /// Parts side by side, left to right.
        case row
        /// Parts stacked, top to bottom.
        case column
    }

    var panes: [Pane] {
        switch content {
        case .pane(let pane, _): [pane]
        case .split(_, let children): children.flatMap(\.panes)
        }
    }
}
