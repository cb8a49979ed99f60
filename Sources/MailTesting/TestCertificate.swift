import Foundation

/// A self-signed certificate and its key, made for one test run with the `openssl` command (Debian's `openssl`).
public struct TestCertificate: Sendable {
    /// PEM certificate; also the file a client trusts to accept it.
    public let certificateFile: String
    /// PEM private key (unencrypted).
    public let keyFile: String

    /// A fresh P-256 certificate for `names` (DNS names or IP addresses), valid for two days, in a new temporary
    /// folder.
    public static func make(names: [String]) throws -> TestCertificate {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repairshop-cert-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let alternativeNames = names.map { name in
            name.allSatisfy({ $0.isNumber || $0 == "." || $0 == ":" }) ? "IP:\(name)" : "DNS:\(name)"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=\(names.first ?? "test")",
            "-addext", "subjectAltName=" + alternativeNames.joined(separator: ","),
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return TestCertificate(certificateFile: certificate, keyFile: key)
    }
}
