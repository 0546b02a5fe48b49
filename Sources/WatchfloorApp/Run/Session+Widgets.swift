import WatchfloorUI

extension Session {
    /// The widget drawn in each pane.
    var widgets: [Pane: any Widget] {
        [
            .board: BoardWidget(),
            .map: PlaceholderMap(),
            .detail: DetailWidget(),
            .feeds: FeedsWidget(),
            .queue: QueueWidget(),
        ]
    }

    /// The commands help lists, with what each does.
    static let helpCommands: [(usage: String, zh: String, en: String)] = [
        ("layout NAME", "切换布局（default、compact、wall）", "switch layout (default, compact, wall)"),
        ("filter EXPR", "筛选事件，同 /", "filter the board, as /"),
        ("goto CELL|ADCODE", "跳到网格（C7）或区划（3701）", "go to a grid cell (C7) or a place (3701)"),
        ("sort level|recent|place", "排序", "sort the board"),
        ("pause / resume", "暂停或继续演练回放", "pause or resume the training replay"),
        ("speed X|max", "回放速度（0.5–1000 倍）", "replay speed (0.5× to 1000×)"),
    ]
}

struct PlaceholderMap: Widget {
    func draw(_ model: ScreenModel, in rect: Rect, on canvas: inout Canvas) {
        canvas.box(rect, title: "2 Map")
    }
}
