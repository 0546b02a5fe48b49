/// The whole screen from a model: the status bar on top, the panes of the layout between,
/// the prompt line at the bottom, help over everything; below 80×24 a plain message.
public struct Screen {
    public var help: HelpOverlay

    public init(help: HelpOverlay) {
        self.help = help
    }

    /// The area the layout divides: everything but the top and bottom lines.
    public static func paneArea(width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 1, width: width, height: height - 2)
    }

    public static func fits(width: Int, height: Int) -> Bool {
        width >= TooSmall.minimumWidth && height >= TooSmall.minimumHeight
    }

    /// Draws a frame; `panes` are the layout's rectangles inside `paneArea`.
    public func draw(_ model: ScreenModel, panes: [PlacedPane], widgets: [Pane: any Widget], width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        guard Self.fits(width: width, height: height) else {
            TooSmall().draw(model, in: canvas.bounds, on: &canvas)
            return canvas
        }
        StatusBar().draw(model, in: Rect(x: 0, y: 0, width: width, height: 1), on: &canvas)
        for placed in panes {
            widgets[placed.pane]?.draw(model, in: placed.rect, on: &canvas)
        }
        PromptLine().draw(model, in: Rect(x: 0, y: height - 1, width: width, height: 1), on: &canvas)
        if model.view.showingRejects {
            RejectsOverlay().draw(model, in: Self.paneArea(width: width, height: height), on: &canvas)
        }
        if model.view.showingHelp {
            help.draw(model, in: Self.paneArea(width: width, height: height), on: &canvas)
        }
        return canvas
    }
}
