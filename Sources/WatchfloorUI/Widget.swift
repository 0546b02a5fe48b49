import WatchfloorCore

/// Something that draws a part of the screen from the screen model. Widgets only draw: they
/// hold no state of their own and never mutate the model, so the same model always gives
/// the same screen, and any rectangle (even an empty one) is safe to draw into.
public protocol Widget {
    func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas)
}
