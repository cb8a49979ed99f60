import Foundation

extension PortalConfiguration {
    /// Environment variable naming the label templates folder.
    public static let labelsDirectoryVariable = "REPAIRSHOP_LABELS"

    /// The templates folder when nothing else is set: `Labels` in the working directory.
    public static var defaultLabelsDirectory: String {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Labels").path
    }

    /// Where `packing-list.*` and `shipping-label.*` are read (default `$REPAIRSHOP_LABELS`, else `./Labels`).
    ///
    /// Admins' overrides kept in the store replace single files of this folder.
    public var labelsDirectory: String {
        ProcessInfo.processInfo.environment[Self.labelsDirectoryVariable].flatMap { $0.isEmpty ? nil : $0 }
            ?? Self.defaultLabelsDirectory
    }
}
