extension Strings {
    var feedsTitle: String { pick("信息源", "Feeds") }
    var feedsAgency: String { pick("部门", "Agency") }
    var feedsState: String { pick("状态", "State") }
    var feedsRate: String { pick("条/分", "/min") }
    var feedsLag: String { pick("延迟", "Lag") }
    var feedsLast: String { pick("最近", "Last") }
    var feedsRejects: String { pick("拒收", "Rej") }

    func feedState(_ state: FeedStatus.State) -> String {
        switch state {
        case .up: pick("正常", "up")
        case .stale: pick("停滞", "stale")
        case .down: pick("中断", "down")
        case .waiting: pick("等待", "waiting")
        }
    }

    var queueTitle: String { pick("派遣队列", "Dispatch queue") }
    var queueEmpty: String { pick("暂无派遣指令", "No dispatch orders") }
}
