import Foundation
import WatchfloorCore
import WatchfloorFeeds
import WatchfloorUI

/// `:` commands. View and replay commands change only this console and are not logged
/// (DESIGN §4); board commands go through the intake, are logged with the operator, and are
/// answered "accepted" only once their entries are committed.
extension Session {
    static let viewVerbs = ["layout", "filter", "goto", "sort", "pause", "resume", "speed", "seek", "step", "rejects"]

    func execute(_ text: String, wall: Double) throws(AppError) {
        var line = text.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix(":") { line.removeFirst() }
        guard !line.isEmpty else { return }
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let verb = words[0].lowercased()
        let rest = words.dropFirst().joined(separator: " ")
        switch verb {
        case "layout": switchLayout(rest)
        case "filter", "f": applyFilter(rest)
        case "goto", "g": goto(rest)
        case "sort": sort(rest)
        case "rejects": view.showingRejects = true
        case "pause", "resume", "speed", "seek", "step": try replayControl(verb, rest, wall: wall)
        default: try runBoardCommand(line, wall: wall)
        }
    }

    func answer(_ tone: Message.Tone, _ text: String) {
        let verdict = switch tone {
        case .accepted: strings.accepted
        case .rejected: strings.rejected
        case .info: ""
        }
        view.message = Message(tone, verdict + text)
    }

    private func switchLayout(_ name: String) {
        guard !name.isEmpty else {
            answer(.info, strings.pick("布局：", "layouts: ") + layouts.available.joined(separator: ", ") + strings.pick("（当前 ", " (now ") + (layouts.requested ?? "auto") + ")")
            return
        }
        do throws(AppError) {
            try layouts.select(name)
            view.layoutName = name
            answer(.accepted, "layout \(name)")
        } catch {
            answer(.rejected, "layout \(name): \(error.message)")
        }
    }

    private func goto(_ target: String) {
        let gazetteer = reference.gazetteer
        if let cell = GridCell(parsing: target), view.map.grid(gazetteer: gazetteer).contains(cell) {
            view.map.cursor = cell
            filterToMapCell()
            answer(.accepted, "goto \(cell)")
            return
        }
        let code = target.count == 4 ? target + "00" : target
        guard let division = gazetteer.division(adcode: code) else {
            answer(.rejected, "goto \(target): " + strings.pick("不是本网格的单元格，也不是山东的行政区划代码", "not a cell of this grid (like C7) nor a Shandong admin code (like 3701 or 370102)"))
            return
        }
        if division.kind == .city {
            view.map.zoom(toCity: division.adcode, gazetteer: gazetteer)
            view.filter = BoardFilter()
            view.filter.places = [String(division.adcode.prefix(4))]
        } else {
            view.filter = BoardFilter()
            view.filter.places = [division.adcode]
        }
        filterText = "place:\(division.name)"
        view.focus = .board
        invalidateRows()
        answer(.accepted, "goto \(division.adcode) \(division.name)")
    }

    private func sort(_ name: String) {
        guard let sort = BoardSort(rawValue: name.lowercased()) else {
            answer(.rejected, "sort \(name): " + strings.pick("排序方式为 ", "sort by ") + BoardSort.allCases.map(\.rawValue).joined(separator: ", "))
            return
        }
        view.sort = sort
        invalidateRows()
        answer(.accepted, "sort \(sort.rawValue)")
    }
}
