/// What a key does on the board. Key handlers return these; the runtime carries them out.
public enum Action: String, Sendable, CaseIterable {
    case help, command, filter, quit
    case nextPane, previousPane
    case focusBoard, focusMap, focusDetail, focusFeeds, focusQueue
    case up, down, left, right, pageUp, pageDown, top, bottom
    case open, back
    case cycleSort
    case zoomIn, zoomOut
    case acknowledge
    case selectCounty
}

/// The one table of key bindings (htop keeps its keys in one table too). `?` help is drawn
/// from it, so help can never disagree with what the keys do.
public struct Keymap: Sendable {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var action: Action
        public var zh: String
        public var en: String
    }

    public let bindings: [Binding]

    public init(bindings: [Binding]) {
        self.bindings = bindings
    }

    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    public static let standard = Keymap(bindings: [
        Binding(keys: [.character("?")], action: .help, zh: "帮助（再按关闭）", en: "help (press again to close)"),
        Binding(keys: [.character(":")], action: .command, zh: "输入命令（↑↓ 历史，Tab 补全）", en: "command line (↑↓ history, Tab completes)"),
        Binding(keys: [.character("/")], action: .filter, zh: "筛选：level:I agency:fire cat:flood place:济南 文字", en: "filter: level:I agency:fire cat:flood place:3701 text"),
        Binding(keys: [.tab], action: .nextPane, zh: "下一个窗格", en: "next pane"),
        Binding(keys: [.backTab], action: .previousPane, zh: "上一个窗格", en: "previous pane"),
        Binding(keys: [.character("1")], action: .focusBoard, zh: "事件窗格", en: "incident board"),
        Binding(keys: [.character("2")], action: .focusMap, zh: "地图窗格", en: "map"),
        Binding(keys: [.character("3")], action: .focusDetail, zh: "详情窗格", en: "detail"),
        Binding(keys: [.character("4")], action: .focusFeeds, zh: "信息源窗格", en: "feeds"),
        Binding(keys: [.character("5")], action: .focusQueue, zh: "派遣队列窗格", en: "dispatch queue"),
        Binding(keys: [.character("k"), .up], action: .up, zh: "上移", en: "up"),
        Binding(keys: [.character("j"), .down], action: .down, zh: "下移", en: "down"),
        Binding(keys: [.character("h"), .left], action: .left, zh: "左移（地图）", en: "left (map)"),
        Binding(keys: [.character("l"), .right], action: .right, zh: "右移（地图）", en: "right (map)"),
        Binding(keys: [.pageUp, .control("b")], action: .pageUp, zh: "上翻页", en: "page up"),
        Binding(keys: [.pageDown, .control("f")], action: .pageDown, zh: "下翻页", en: "page down"),
        Binding(keys: [.home, .character("g")], action: .top, zh: "到顶", en: "first"),
        Binding(keys: [.end, .character("G")], action: .bottom, zh: "到底", en: "last"),
        Binding(keys: [.enter], action: .open, zh: "打开详情；地图上按网格筛选", en: "open the detail; on the map, filter the board to the cell"),
        Binding(keys: [.escape], action: .back, zh: "返回：关闭帮助、清除筛选", en: "back: close help, clear the filter"),
        Binding(keys: [.character("s")], action: .cycleSort, zh: "切换排序（级别/最新/地点）", en: "sort by level / recent / place"),
        Binding(keys: [.character("+"), .character("z")], action: .zoomIn, zh: "放大到光标所在城市", en: "zoom to the city under the cursor"),
        Binding(keys: [.character("-"), .character("Z")], action: .zoomOut, zh: "缩回全省", en: "zoom back to the province"),
        Binding(keys: [.character("c")], action: .selectCounty, zh: "地图上按光标所在区县筛选", en: "on the map, filter the board to the county under the cursor"),
        Binding(keys: [.character("a")], action: .acknowledge, zh: "确认选中事件（ack）", en: "acknowledge the selected incident (ack)"),
        Binding(keys: [.character("q")], action: .quit, zh: "退出（在线模式先确认）", en: "quit (asks first when live)"),
    ])
}
