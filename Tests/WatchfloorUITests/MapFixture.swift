import Foundation
@testable import WatchfloorCore
@testable import WatchfloorUI

/// The committed geography and the places the map's tests name.
enum MapFixture {
    static let gazetteer: Gazetteer = {
        // A missing geography file is a broken checkout: fail loudly, never skip.
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("demo-data/geo/shandong.json")
        return try! Gazetteer(json: Data(contentsOf: url))
    }()

    /// Places officers know, by their ground.
    static let lixia = GeoPoint(lat: 36.6612, lon: 117.0203)  // 济南市历下区
    static let qingdao = GeoPoint(lat: 36.0671, lon: 120.3826)  // 青岛市市南区
    static let heze = GeoPoint(lat: 35.2333, lon: 115.4807)  // 菏泽市牡丹区
    static let yantai = GeoPoint(lat: 37.4638, lon: 121.4479)  // 烟台市芝罘区

    static func view(cursor: String, zoomCity: String? = nil) -> MapView {
        var view = MapView()
        view.cursor = GridCell(parsing: cursor)!
        view.zoomCity = zoomCity
        return view
    }
}
