import WatchfloorUI

extension Session {
    /// One frame of the whole screen at a size, as the terminal shows it and as
    /// `run --headless` prints it.
    func frame(width: Int, height: Int) -> (canvas: Canvas, model: ScreenModel) {
        let panes = layouts.placed(in: Screen.paneArea(width: width, height: height), width: width, height: height)
        settleSelection(panes: panes)
        let model = model()
        let screen = Screen(help: HelpOverlay(keymap: .standard, commands: Session.helpCommands))
        return (screen.draw(model, panes: panes, widgets: widgets(for: panes), width: width, height: height), model)
    }
}
