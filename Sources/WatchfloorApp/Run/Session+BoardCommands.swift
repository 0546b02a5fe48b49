import WatchfloorCore
import WatchfloorUI

extension Session {
    func runBoardCommand(_ line: String, wall: Double) throws(AppError) {
        view.message = Message(.rejected, "unknown command \"\(line)\"")
    }

    func complete(_ text: String) -> String {
        let matches = Self.viewVerbs.filter { $0.hasPrefix(text.lowercased()) }
        return matches.count == 1 ? matches[0] + " " : text
    }
}
