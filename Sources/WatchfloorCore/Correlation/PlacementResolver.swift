/// Resolves where a report is: its county and city, or that it lies outside the province.
/// The gazetteer is the real one; tests may give a simpler one.
public protocol PlacementResolver: Sendable {
    func placement(of point: GeoPoint?, adcode: String?) -> Placement
}

extension Gazetteer: PlacementResolver {}
