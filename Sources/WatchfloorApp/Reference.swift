import Foundation
import WatchfloorCore

/// The reference data every board needs: the geography and the units.
public struct Reference: Sendable {
    public let gazetteer: Gazetteer
    public let units: [WatchfloorCore.Unit]

    public static func load(_ files: DataFiles) throws(AppError) -> Reference {
        let geo: Data
        do { geo = try Data(contentsOf: files.geography) } catch {
            throw AppError("cannot read \(files.geography.path): \(error.localizedDescription)")
        }
        let gazetteer: Gazetteer
        do { gazetteer = try Gazetteer(json: geo) } catch {
            throw AppError("\(files.geography.path): \(error)")
        }
        var units: [WatchfloorCore.Unit] = []
        if FileManager.default.fileExists(atPath: files.units.path) {
            do {
                units = try UnitCatalogue.decode(try Data(contentsOf: files.units))
            } catch {
                throw AppError("\(files.units.path): \(error)")
            }
        }
        return Reference(gazetteer: gazetteer, units: units)
    }

    public func emptyBoard() -> Board { Board(units: units) }

    public func correlator() -> Correlator { Correlator(places: gazetteer) }
}
