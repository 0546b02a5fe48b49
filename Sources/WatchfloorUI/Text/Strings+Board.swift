import WatchfloorCore

extension Strings {
    var boardTitle: String { pick("事件", "Incidents") }
    var columnLevel: String { pick("级别", "Lvl") }
    var columnCategory: String { pick("类别", "Category") }
    var columnTitle: String { pick("标题", "Title") }
    var columnPlace: String { pick("地点", "Place") }
    var columnGrid: String { pick("网格", "Grid") }
    var columnAgencies: String { pick("来源", "From") }
    var columnStatus: String { pick("状态", "Status") }
    var columnAge: String { pick("时长", "Age") }
    var columnUnits: String { pick("力量", "Units") }
    /// `3 到场` / `3 onscene`: the units on an incident and the furthest along of them.
    func unitsCell(_ assigned: AssignedUnits) -> String {
        "\(assigned.count) " + unitStatusShort(assigned.lead)
    }
    /// A unit's status in at most four columns in Chinese and seven in English.
    public func unitStatusShort(_ status: UnitStatus) -> String {
        switch status {
        case .dispatched: pick(status.chineseName, "sent")
        case .returning: pick(status.chineseName, "return")
        case .outOfService: pick(status.chineseName, "out")
        case .available: pick(status.chineseName, "free")
        case .enroute, .onscene: pick(status.chineseName, status.rawValue)
        }
    }
    var boardEmpty: String { pick("没有事件", "No incidents") }
    var boardFilteredEmpty: String { pick("没有符合筛选的事件（Esc 清除筛选）", "No incident matches the filter (Esc clears it)") }
    func boardCount(shown: Int, total: Int) -> String {
        shown == total ? pick("\(total) 起", "\(total)") : pick("\(shown)/\(total) 起", "\(shown) of \(total)")
    }

    public func status(_ status: IncidentStatus) -> String {
        switch status {
        case .new: pick("新", "new")
        case .acknowledged: pick("已确认", "ack'd")
        case .closed: pick("已关闭", "closed")
        case .merged: pick("已合并", "merged")
        }
    }

    /// One short mark per agency: a character in Chinese, a letter in English.
    public func agencyMark(_ agency: Agency) -> String {
        switch agency {
        case .emergency: pick("应", "E")
        case .police: pick("公", "P")
        case .fire: pick("消", "F")
        case .weather: pick("气", "W")
        case .transport: pick("交", "T")
        case .urban: pick("城", "U")
        }
    }

    /// An age as people say it: 45s, 12m, 3h, 2d, 19w, 2y — never wider than the board's four
    /// columns (`99天`), however old.
    public func age(seconds: Double) -> String {
        let s = max(0, Int(min(seconds, 1e15)))
        if s < 60 { return pick("\(s)秒", "\(s)s") }
        if s < 3600 { return pick("\(s / 60)分", "\(s / 60)m") }
        if s < 86_400 { return pick("\(s / 3600)时", "\(s / 3600)h") }
        let days = s / 86_400
        if days < 100 { return pick("\(days)天", "\(days)d") }
        if days < 700 { return pick("\(days / 7)周", "\(days / 7)w") }
        return days / 365 < 100 ? pick("\(days / 365)年", "\(days / 365)y") : pick("久", "old")
    }
}
