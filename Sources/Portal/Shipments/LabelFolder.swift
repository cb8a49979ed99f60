import Foundation

/// The label templates on disk, per language: `Labels/<language>/<file>` (`Labels/pl/packing-list.txt`) when a
/// translator made one, else the folder's own `Labels/<file>`.
struct LabelFolder: Sendable {
    /// The templates folder (`PortalConfiguration.labelsDirectory`).
    let path: String

    /// The source of template `name` in `language`, falling back to the folder's own file; nil when neither exists.
    func source(_ name: String, language: String) -> String? {
        let folder = URL(fileURLWithPath: path)
        let files = [
            folder.appendingPathComponent(language).appendingPathComponent(name), folder.appendingPathComponent(name),
        ]
        for file in files {
            if let data = FileManager.default.contents(atPath: file.path) {
                return String(decoding: data, as: UTF8.self)
            }
        }
        return nil
    }
}
