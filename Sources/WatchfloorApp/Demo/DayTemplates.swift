import WatchfloorCore

/// What an ordinary day brings, and how each agency words it. Frequencies are rough shares of
/// a Chinese city's daily calls: traffic and medical dominate, fires are few, floods rare.
struct DayTemplates {
    struct Kind {
        var category: Category
        var weight: Int
        /// Agencies that report this kind, the first most often first.
        var agencies: [Agency]
        /// Titles per agency wording; `%@` is a place name.
        var titles: [Agency: [String]]
        var levels: [Level]
    }

    static let kinds: [Kind] = [
        Kind(category: .trafficAccident, weight: 30, agencies: [.police, .transport, .emergency],
             titles: [.police: ["%@两车追尾", "%@发生交通事故，有人受伤", "%@车辆刮擦"],
                      .transport: ["%@事故占道，通行缓慢", "%@交通事故，请求清障"],
                      .emergency: ["%@车祸伤员需救治"]], levels: [.IV, .IV, .IV, .III]),
        Kind(category: .medical, weight: 16, agencies: [.emergency, .police],
             titles: [.emergency: ["%@有人晕倒", "%@老人摔伤", "%@突发疾病求救"], .police: ["%@群众求助，有人昏迷"]],
             levels: [.IV]),
        Kind(category: .publicOrder, weight: 10, agencies: [.police, .urban],
             titles: [.police: ["%@纠纷报警", "%@有人打架"], .urban: ["%@占道经营引发争执"]], levels: [.IV]),
        Kind(category: .fire, weight: 7, agencies: [.fire, .police, .emergency],
             titles: [.fire: ["%@住宅起火", "%@商铺着火", "%@车辆自燃"], .police: ["%@冒烟起火，群众报警"],
                      .emergency: ["%@火灾，请求医疗待命"]], levels: [.IV, .IV, .III]),
        Kind(category: .manhole, weight: 5, agencies: [.urban, .police],
             titles: [.urban: ["%@井盖缺失", "%@井盖破损"], .police: ["%@路面井盖丢失，存在隐患"]], levels: [.IV]),
        Kind(category: .roadDamage, weight: 5, agencies: [.transport, .urban],
             titles: [.transport: ["%@路面塌陷", "%@道路坑槽"], .urban: ["%@路面破损"]], levels: [.IV]),
        Kind(category: .crime, weight: 5, agencies: [.police],
             titles: [.police: ["%@盗窃案", "%@电信诈骗报案", "%@抢夺案"]], levels: [.IV, .III]),
        Kind(category: .waterMain, weight: 3, agencies: [.urban, .police],
             titles: [.urban: ["%@供水管道爆裂", "%@路面冒水"], .police: ["%@水管破裂，路面积水"]], levels: [.IV]),
        Kind(category: .powerOutage, weight: 3, agencies: [.urban, .emergency],
             titles: [.urban: ["%@片区停电"], .emergency: ["%@停电，有居民被困电梯"]], levels: [.IV]),
        Kind(category: .gasLeak, weight: 2, agencies: [.fire, .urban, .police],
             titles: [.fire: ["%@燃气泄漏", "%@闻到燃气味"], .urban: ["%@燃气管道泄漏"], .police: ["%@燃气泄漏，疏散群众"]],
             levels: [.IV, .III]),
        Kind(category: .missingPerson, weight: 3, agencies: [.police],
             titles: [.police: ["%@老人走失", "%@儿童走失"]], levels: [.IV]),
        Kind(category: .crowd, weight: 2, agencies: [.police, .urban],
             titles: [.police: ["%@人员聚集"], .urban: ["%@商户聚集"]], levels: [.IV, .III]),
        Kind(category: .pollution, weight: 2, agencies: [.emergency, .urban],
             titles: [.emergency: ["%@河道水体异常"], .urban: ["%@异味投诉"]], levels: [.IV]),
        Kind(category: .waterlogging, weight: 2, agencies: [.urban, .transport, .police],
             titles: [.urban: ["%@路面积水"], .transport: ["%@积水影响通行"], .police: ["%@积水，车辆熄火"]], levels: [.IV]),
        Kind(category: .hazardousChemicals, weight: 1, agencies: [.fire, .emergency, .police],
             titles: [.fire: ["%@危化品车辆泄漏"], .emergency: ["%@危化品泄漏"], .police: ["%@危化品运输车事故"]],
             levels: [.III, .II]),
        Kind(category: .buildingCollapse, weight: 1, agencies: [.fire, .emergency],
             titles: [.fire: ["%@房屋局部坍塌"], .emergency: ["%@建筑坍塌，可能有人被困"]], levels: [.III]),
        Kind(category: .drowning, weight: 1, agencies: [.police, .fire],
             titles: [.police: ["%@有人落水"], .fire: ["%@落水救援"]], levels: [.IV, .III]),
        Kind(category: .foodPoisoning, weight: 1, agencies: [.emergency],
             titles: [.emergency: ["%@疑似食物中毒"]], levels: [.IV, .III]),
    ]

    static let streets = ["人民路", "解放路", "建设路", "胜利街", "和平路", "文化路", "中山路", "新华路", "泰山路", "黄河路",
                          "长江路", "北京路", "青年路", "工业大道", "滨河路", "东风路", "友谊路", "科技路", "光明街", "幸福街"]
    static let spots = ["与%@交叉口", "小区门口", "附近", "路口", "公交站", "商场前", "学校东侧", "桥下"]
    static let reporters: [Agency: String] = [
        .police: "110指挥中心", .fire: "119指挥中心", .emergency: "120急救中心",
        .transport: "12328交通热线", .urban: "12319城管热线", .weather: "气象台",
    ]
}
