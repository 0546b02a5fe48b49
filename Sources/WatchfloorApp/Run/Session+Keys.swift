import WatchfloorCore
import WatchfloorFeeds
import WatchfloorUI

/// Keys: the prompt takes them while it is open; otherwise the keymap decides.
extension Session {
    func handle(_ key: Key, panes: [PlacedPane], wall: Double) throws(AppError) {
        dirty = true
        if view.prompt != nil {
            try handlePrompt(key, wall: wall)
            return
        }
        if let suggestion = pendingDispatch {
            pendingDispatch = nil
            view.message = nil
            if key == .character("y") { try execute(suggestion, wall: wall) }
            return
        }
        if confirmingQuit {
            confirmingQuit = false
            view.message = nil
            if key == .character("q") { quitting = true }
            return
        }
        if view.showingHelp {
            if key == .escape || key == .character("?") || key == .character("q") { view.showingHelp = false }
            return
        }
        if view.showingRejects {
            if key == .escape || key == .character("q") { view.showingRejects = false }
            return
        }
        view.message = nil
        guard let action = Keymap.standard.action(for: key) else { return }
        try perform(action, panes: panes, wall: wall)
    }

    private func perform(_ action: Action, panes: [PlacedPane], wall: Double) throws(AppError) {
        let shown = panes.map(\.pane)
        switch action {
        case .help: view.showingHelp = true
        case .command: view.prompt = Prompt(kind: .command)
        case .filter: view.prompt = Prompt(kind: .filter, text: filterText ?? "")
        case .quit:
            if mode == .live {
                confirmingQuit = true
                view.message = Message(.info, strings.quitConfirm)
            } else {
                quitting = true
            }
        case .nextPane, .previousPane:
            guard !shown.isEmpty else { return }
            let i = shown.firstIndex(of: view.focus) ?? 0
            let step = action == .nextPane ? 1 : shown.count - 1
            view.focus = shown[(i + step) % shown.count]
        case .focusBoard: focus(.board, shown)
        case .focusMap: focus(.map, shown)
        case .focusDetail: focus(.detail, shown)
        case .focusFeeds: focus(.feeds, shown)
        case .focusQueue: focus(.queue, shown)
        case .up, .down, .pageUp, .pageDown, .top, .bottom, .left, .right:
            move(action, page: max(1, (panes.first { $0.pane == view.focus }?.rect.height ?? 10) - 3))
        case .open:
            switch view.focus {
            case .board: if shown.contains(.detail) { view.focus = .detail }
            case .map: filterToMapCell()
            default: break
            }
        case .back:
            if view.focus != .board, shown.contains(.board) {
                view.focus = .board
            } else if !view.filter.isEmpty {
                view.filter = BoardFilter()
                filterText = nil
                invalidateRows()
            }
        case .cycleSort:
            let all = BoardSort.allCases
            view.sort = all[(all.firstIndex(of: view.sort)! + 1) % all.count]
            invalidateRows()
            view.message = Message(.info, strings.pick("排序：", "sort: ") + view.sort.rawValue)
        case .zoomIn: zoomMap(in: true)
        case .zoomOut: zoomMap(in: false)
        case .selectCounty:
            if view.focus == .map { filterToMapCounty() }
        case .acknowledge:
            if let id = view.selectedIncident { try execute("ack \(id)", wall: wall) }
        }
    }

    private func focus(_ pane: Pane, _ shown: [Pane]) {
        if shown.contains(pane) { view.focus = pane }
    }

    private func move(_ action: Action, page: Int) {
        switch view.focus {
        case .board:
            let rows = self.rows
            guard !rows.isEmpty else { return }
            let incidents = intake.board.incidents
            let current = view.selectedIncident.flatMap { id in rows.firstIndex { incidents[Int($0)].id == id } } ?? 0
            let target: Int = switch action {
            case .up: current - 1
            case .down: current + 1
            case .pageUp: current - page
            case .pageDown: current + page
            case .top: 0
            case .bottom: rows.count - 1
            default: current
            }
            let index = min(rows.count - 1, max(0, target))
            if view.selectedIncident != incidents[Int(rows[index])].id { view.detailScroll = 0 }
            view.selectedIncident = incidents[Int(rows[index])].id
        case .detail:
            switch action {
            case .up: view.detailScroll = max(0, view.detailScroll - 1)
            case .down: view.detailScroll += 1
            case .pageUp: view.detailScroll = max(0, view.detailScroll - page)
            case .pageDown: view.detailScroll += page
            case .top: view.detailScroll = 0
            default: break
            }
        case .map:
            moveMapCursor(action)
        case .feeds, .queue:
            break
        }
    }
}
