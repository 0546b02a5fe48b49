import WatchfloorCore
import WatchfloorUI

/// The one-line editor for `:` commands and `/` filters.
extension Session {
    func handlePrompt(_ key: Key, wall: Double) throws(AppError) {
        guard var prompt = view.prompt else { return }
        switch key {
        case .escape:
            view.prompt = nil
            history.reset()
            return
        case .enter:
            view.prompt = nil
            history.reset()
            switch prompt.kind {
            case .command:
                history.add(prompt.text)
                try execute(prompt.text, wall: wall)
            case .filter:
                applyFilter(prompt.text)
            }
            return
        case .backspace, .delete:
            if prompt.text.isEmpty {
                view.prompt = nil
                return
            }
            prompt.text.removeLast()
        case .control("u"):
            prompt.text = ""
        case .up where prompt.kind == .command:
            if let line = history.older(than: prompt.text) { prompt.text = line }
        case .down where prompt.kind == .command:
            if let line = history.newer() { prompt.text = line }
        case .tab where prompt.kind == .command:
            prompt.text = complete(prompt.text)
        case .character(let c):
            if prompt.text.count < 400 { prompt.text.append(c) }
        default:
            break
        }
        view.prompt = prompt
    }

    /// `/` text: the board narrows at once, or the reason the filter cannot be read.
    func applyFilter(_ text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        do throws(BoardFilter.Problem) {
            view.filter = try BoardFilter.parse(text, gazetteer: reference.gazetteer)
            filterText = text.isEmpty ? nil : text
            invalidateRows()
        } catch {
            view.message = Message(.rejected, strings.pick("筛选", "filter") + " \(error.word): \(error.reason)")
        }
    }
}
