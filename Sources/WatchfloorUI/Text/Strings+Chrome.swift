extension Strings {
    var live: String { pick("在线", "LIVE") }
    var training: String { pick("演练", "TRAINING") }
    var jurisdictionLabel: String { pick("辖区", "area") }
    var paused: String { pick("暂停", "paused") }
    var ended: String { pick("回放结束", "replay ended") }
    var operatorLabel: String { pick("值班员", "operator") }
    var storeUnreachable: String { pick("存储不可达 · 重连中", "STORE UNREACHABLE · reconnecting") }
    var openLabel: String { pick("未结", "open") }
    var hint: String { pick("? 帮助  : 命令  / 筛选  Tab 切换窗格  q 退出", "? help  : command  / filter  Tab pane  q quit") }
    var helpTitle: String { pick("帮助 — 按键", "Help — keys") }
    var helpCommands: String { pick("命令", "Commands") }
    var helpClose: String { pick("Esc 或 ? 关闭", "Esc or ? closes") }
    public var tooSmall: String { pick("终端太小", "Terminal too small") }
    public func tooSmallDetail(width: Int, height: Int) -> String {
        pick("需要至少 80×24，当前 \(width)×\(height)", "needs at least 80×24, now \(width)×\(height)")
    }
    public var quitConfirm: String { pick("在线值守中：确定退出？再按 q 退出，其他键取消", "Live: really quit? Press q again to quit, any other key to stay") }
    /// The verdict on a command, before the command or the reason.
    public var accepted: String { pick("已受理：", "accepted: ") }
    public var rejected: String { pick("已拒绝：", "rejected: ") }
    public var filterLabel: String { pick("筛选", "filter") }
}
