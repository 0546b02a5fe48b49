import WatchfloorCore

extension Strings {
    var feedsTitle: String { pick("信息源", "Feeds") }
    var feedsName: String { pick("来源", "Feed") }
    var feedsState: String { pick("状态", "State") }
    var feedsRate: String { pick("条/秒", "/s") }
    var feedsLag: String { pick("延迟", "Lag") }
    var feedsLast: String { pick("最近", "Last") }
    var feedsRejects: String { pick("拒收", "Rej") }
    var feedsReason: String { pick("说明", "Note") }

    func feedState(_ state: FeedStatus.State) -> String {
        switch state {
        case .up: pick("正常", "up")
        case .stale: pick("停滞", "stale")
        case .down: pick("中断", "down")
        case .waiting: pick("等待", "waiting")
        }
    }

    var queueTitle: String { pick("派遣队列", "Dispatch queue") }
    var queueEmpty: String { pick("暂无派遣指令（:dispatch 事件 力量）", "No dispatch orders (:dispatch INC UNIT)") }
    var queueOrder: String { pick("指令", "Order") }
    var queueIncident: String { pick("事件", "Inc.") }
    var queueUnit: String { pick("力量", "Unit") }
    var queueAgency: String { pick("部门", "Agency") }
    var queueState: String { pick("状态", "State") }
    var queueConsumer: String { pick("接收方", "Consumer") }

    func orderState(_ state: OrderState) -> String {
        switch state {
        case .queued: pick("待领取", "queued")
        case .claimed: pick("已领取", "claimed")
        case .acked: pick("已确认", "acked")
        case .failed: pick("失败重试", "failed")
        case .dead: pick("已放弃", "dead")
        }
    }
}

extension Strings {
    func rejectsTitle(shown: Int, total: Int) -> String {
        shown == total ? pick("拒收的消息 \(total) 条（最新在前）", "Refused lines: \(total), newest first")
            : pick("拒收的消息：最近 \(shown) 条，共 \(total) 条（最新在前）", "Refused lines: the last \(shown) of \(total), newest first")
    }
    var rejectsNone: String { pick("没有拒收的消息", "No line has been refused") }
    var rejectsClose: String { pick("Esc 或 q 关闭", "Esc or q closes") }
    func rejectsLine(_ line: Int, offset: Int) -> String {
        pick("第 \(line) 行（字节 \(offset)）", "line \(line) (byte \(offset))")
    }
}
