import WatchfloorCore

extension Session {
    /// Scopes the console to a city or county of the province: the board, the counts and the
    /// map show only its incidents, commands on others are refused, and the map opens on its
    /// city.
    func scope(to adcode: String) throws(AppError) {
        let gazetteer = reference.gazetteer
        guard let jurisdiction = Jurisdiction(adcode: adcode),
              let division = gazetteer.division(adcode: jurisdiction.prefix.padding(toLength: 6, withPad: "0", startingAt: 0)) else {
            throw AppError("--jurisdiction takes the code of Shandong or one of its cities or counties (3701 for 济南市, 370102 for 历下区), not '\(adcode)'", exitCode: 64)
        }
        self.jurisdiction = jurisdiction
        if division.kind != .province, let city = division.kind == .city ? division : gazetteer.city(of: division) {
            view.map.zoom(toCity: city.adcode, gazetteer: gazetteer)
        }
        invalidateRows()
    }
}
