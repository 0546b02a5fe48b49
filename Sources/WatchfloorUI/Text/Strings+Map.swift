/// The map's words. Place names come from the geography file and are shown as they are.
extension Strings {
    func mapTitle(_ place: String) -> String { pick("2 地图 " + place, "2 Map " + place) }

    /// The title when the place's name does not fit.
    var mapTitleShort: String { pick("2 地图", "2 Map") }

    var mapTooSmall: String { pick("空间不足", "no room") }

    /// Legend: what a digit on the map means.
    var mapCountLegend: String { pick("起数", "count") }

    /// Legend: what `@` on the map means.
    var mapManyLegend: String { pick("十起以上", "10+") }

    var mapWarningLegend: String { pick("预警区", "warning") }

    /// Footer: the open incidents in the cursor's cell.
    func mapOpenIncidents(_ n: Int) -> String {
        pick("未结事件 \(n) 起", n == 1 ? "1 open incident" : "\(n) open incidents")
    }

    /// Footer: the cursor's centre is in no county (at sea, or over another province).
    var mapOutsideProvince: String { pick("省外", "outside the province") }
}
