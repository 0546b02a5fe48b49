import WatchfloorCore

extension Strings {
    var detailTitle: String { pick("详情", "Detail") }
    var detailNothing: String { pick("选择一起事件查看详情（j/k 移动，Enter 打开）", "Select an incident to see its detail (j/k to move, Enter to open)") }
    var detailPlace: String { pick("地点", "Place") }
    var detailStatus: String { pick("状态", "Status") }
    var detailOpened: String { pick("首报", "Opened") }
    var detailReports: String { pick("报告", "Reports") }
    var detailWarnings: String { pick("预警", "Warnings") }
    var detailUnits: String { pick("力量", "Units") }
    var detailNotes: String { pick("备注", "Notes") }
    /// A label's colon: fullwidth in Chinese, as Chinese text sets it.
    var colon: String { pick("：", ": ") }
    var detailNone: String { pick("无", "none") }
    var detailWithdrawn: String { pick("已撤回", "withdrawn") }

    func mergeReason(_ reason: MergeReason) -> String {
        var parts: [String] = []
        switch reason.rule {
        case .reference: parts.append(pick("引用", "reference"))
        case .proximity: parts.append(pick("邻近", "proximity"))
        case .adcode: parts.append(pick("同区县", "same county"))
        case .operator: parts.append(pick("人工合并", "operator"))
        }
        if let m = reason.metres { parts.append(m >= 1000 ? String(format: "%.1f km", m / 1000) : "\(Int(m.rounded())) m") }
        if let s = reason.seconds { parts.append(age(seconds: s)) }
        if !reason.sharedRefs.isEmpty { parts.append(reason.sharedRefs.joined(separator: ",")) }
        return parts.joined(separator: " ")
    }
}
