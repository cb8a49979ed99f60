/// `References` for a mail that answers another (RFC 5322 §3.6.4), kept short: the thread's first id and the
/// nine newest, and never more than `maxByteCount` bytes, however long the thread grows.
public enum ThreadReferences {
    /// Most ids kept (the first one and the newest nine).
    public static let maxCount = 10
    /// Longest `References` field kept, in bytes including the field name and folding.
    public static let maxByteCount = 1500

    /// The ids (without angle brackets) for a reply to a message that had `parentReferences` and `parentMessageID`.
    public static func make(parentReferences: [String], parentMessageID: String?) -> [String] {
        var ids: [String] = []
        for id in parentReferences + [parentMessageID].compactMap({ $0 }) where !ids.contains(id) {
            ids.append(id)
        }
        if ids.count > maxCount { ids = [ids[0]] + ids.suffix(maxCount - 1) }
        // Then drop the oldest after the first until the folded field fits.
        while ids.count > 1 && headerField(ids).utf8.count > maxByteCount {
            ids.remove(at: ids.count > 2 ? 1 : 0)
        }
        if let only = ids.first, headerField([only]).utf8.count > maxByteCount { return [] }
        return ids
    }

    /// `References: <a> <b>` folded at 78 characters, CRLF SP between lines.
    static func headerField(_ ids: [String]) -> String {
        MailHeader.fold(prefix: "References: ", tokens: ids.map { "<\($0)>" })
    }
}
