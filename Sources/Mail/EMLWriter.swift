import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes messages as `.eml` files into a folder (the mail transport when no SMTP server is configured).
///
/// Each file is written to a temporary name, flushed and renamed, so a reader never sees half a file.
/// The file name comes from the Message-ID, so writing the same message again replaces it.
public struct EMLWriter: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// Longest file name stem before it is shortened with a hash (default 200 bytes; Linux allows 255).
    public static let maxFileNameStem = 200

    /// The file name for a Message-ID: safe characters kept, every other byte as `%XX` (so names never collide).
    public static func fileName(forMessageID messageID: String) -> String {
        var name = ""
        for byte in messageID.utf8 {
            let isSafe =
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x40 || byte == 0x2B || (byte == 0x2E && !name.isEmpty)
            name += isSafe ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        if name.utf8.count > maxFileNameStem {
            // FNV-1a over the whole id keeps shortened names distinct and stable across runs.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in messageID.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            name = String(name.prefix(maxFileNameStem - 17)) + "-" + String(format: "%016llx", hash)
        }
        return name + ".eml"
    }

    /// Writes the message and returns the file's URL; the folder is created if missing.
    @discardableResult
    public func write(_ message: MailMessage) throws(MailError) -> URL {
        let path = folder.path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            // Foundation's error carries no errno; repeating the last step with mkdir(2) yields the real reason.
            let reason = mkdir(path, 0o755) == 0 ? 0 : errno
            throw MailError.fileSystem(path: path, operation: "create folder", errno: reason)
        }
        let target = folder.appendingPathComponent(Self.fileName(forMessageID: message.messageID))
        let temporary = folder.appendingPathComponent(".tmp-\(UUID().uuidString).eml")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw MailError.fileSystem(path: temporary.path, operation: "create", errno: errno)
        }
        let bytes = message.renderedBytes()
        var offset = 0
        var failure: MailError?
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                failure = .fileSystem(path: temporary.path, operation: "write", errno: errno)
                break
            }
            offset += written
        }
        // Flush before the rename so a crash leaves either the old file or the whole new one.
        if failure == nil && fsync(descriptor) != 0 {
            failure = .fileSystem(path: temporary.path, operation: "fsync", errno: errno)
        }
        close(descriptor)
        if failure == nil && rename(temporary.path, target.path) != 0 {
            failure = .fileSystem(path: target.path, operation: "rename", errno: errno)
        }
        if let failure {
            unlink(temporary.path)
            throw failure
        }
        return target
    }
}
