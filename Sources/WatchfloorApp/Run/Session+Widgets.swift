import WatchfloorCore
import WatchfloorUI

extension Session {
    /// The widget drawn in each placed pane, with the options its layout gives it.
    func widgets(for panes: [PlacedPane]) -> [Pane: any Widget] {
        Screen.widgets(for: panes, map: map)
    }

    /// The commands help lists, with what each does: the board's from the grammar itself.
    static var helpCommands: [(usage: String, zh: String, en: String)] {
        CommandParser.verbs.map { verb in
            let short = verb.aliases.isEmpty ? "" : " (" + verb.aliases.joined(separator: ", ") + ")"
            return (verb.usage + short, chineseSummaries[verb.name] ?? verb.summary, verb.summary)
        } + viewCommands
    }

    private static let chineseSummaries = [
        "ack": "确认新事件", "level": "调整事件级别", "merge": "把第二起事件并入第一起",
        "split": "把一条报告拆为新事件", "note": "添加备注", "close": "关闭事件", "reopen": "重新打开已关闭的事件",
    ]

    private static let viewCommands: [(usage: String, zh: String, en: String)] = [
        ("layout NAME|auto", "切换布局（default、compact、wall；auto 按终端大小）", "switch layout (default, compact, wall; auto by the terminal's size)"),
        ("filter EXPR", "筛选事件，同 /", "filter the board, as /"),
        ("goto CELL|ADCODE", "跳到网格（C7）或区划（3701）", "go to a grid cell (C7) or a place (3701)"),
        ("sort level|recent|place", "排序", "sort the board"),
        ("pause / resume", "暂停或继续演练回放", "pause or resume the training replay"),
        ("speed X|max", "回放速度（0.5–1000 倍）", "replay speed (0.5× to 1000×)"),
        ("seek HH:MM|+10m|-90s", "跳到演练时间（向后跳转另起新的演练记录）", "jump to a scenario time (back starts a new training store)"),
        ("step", "播放下一条消息并暂停", "play the next message and pause"),
        ("rejects", "查看拒收的消息及原因", "show the refused feed lines and why"),
    ]
}
