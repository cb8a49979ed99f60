import Foundation
import RepairCore

extension FixtureSet {
    /// Reads `demo.json` from `directory`.
    public static func load(directory: String) throws -> FixtureSet {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(demoFileName)
        return try decode(Data(contentsOf: url))
    }
}
