import CTLS

#if canImport(Glibc)
    import Glibc
#endif

/// One TLS client session (OpenSSL's libssl) over a connected non-blocking socket; owns its SSL and SSL_CTX handles.
///
/// The peer must present a chain to a trusted CA and a certificate for the expected name (host name checked by
/// libssl, RFC 6125); TLS 1.2 is the oldest version spoken.
final class TLSClientSession {
    /// What one non-blocking step did; `wantRead`/`wantWrite` ask the caller to poll and call again.
    enum Outcome {
        case done(Int)
        case wantRead
        case wantWrite
        case closed
        /// The library refused: a protocol or verification error (`isPermanent`), or the network failed.
        case failed(reason: String, isPermanent: Bool)
    }

    private let context: OpaquePointer
    private let ssl: OpaquePointer

    init(descriptor: Int32, name: String, trustedCertificatesFile: String?) throws(MailError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw .transient(SMTPFailure(step: .tls, code: nil, reply: "cannot create a TLS context"))
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        _ = ctls_set_min_tls12(context)
        _ = ctls_accept_moving_write_buffer(context)
        let hasCAs =
            trustedCertificatesFile.map { SSL_CTX_load_verify_locations(context, $0, nil) == 1 }
            ?? (SSL_CTX_set_default_verify_paths(context) == 1)
        guard hasCAs, let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw .configuration(
                setting: "trustedCertificatesFile",
                rule: "cannot load trusted certificates from \(trustedCertificatesFile ?? "the system store")")
        }
        self.context = context
        self.ssl = ssl
        SSL_set_fd(ssl, descriptor)
        // An IP address is matched against the certificate's IP entries, a name against its DNS names (and sent as SNI).
        let isIPAddress = Self.isIPAddress(name)
        let nameSet =
            isIPAddress
            ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name) == 1
            : ctls_set_server_name(ssl, name) == 1 && SSL_set1_host(ssl, name) == 1
        guard nameSet else {
            throw .configuration(setting: "tlsServerName", rule: "'\(name)' cannot be checked against a certificate")
        }
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    /// One step of the client handshake.
    func handshake() -> Outcome {
        ERR_clear_error()
        let result = SSL_connect(ssl)
        return result == 1 ? .done(0) : outcome(of: result)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Outcome {
        ERR_clear_error()
        let result = SSL_read(ssl, buffer.baseAddress, Int32(buffer.count))
        return result > 0 ? .done(Int(result)) : outcome(of: result)
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        ERR_clear_error()
        let result = SSL_write(ssl, bytes.baseAddress, Int32(bytes.count))
        return result > 0 ? .done(Int(result)) : outcome(of: result)
    }

    private func outcome(of result: Int32) -> Outcome {
        let code = SSL_get_error(ssl, result)
        switch code {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN: return .closed
        case SSL_ERROR_SYSCALL:
            let reason = errno == 0 ? "the server closed the connection" : String(cString: strerror(errno))
            return .failed(reason: reason, isPermanent: false)
        default:
            let verification = SSL_get_verify_result(ssl)
            if verification != X509_V_OK {
                let reason = String(cString: X509_verify_cert_error_string(verification))
                return .failed(reason: "certificate not accepted: \(reason)", isPermanent: true)
            }
            let reason = Self.libraryError()
            // OpenSSL 3 reports a peer hanging up mid-handshake as a library error; the network may recover.
            return .failed(reason: "TLS failed: \(reason)", isPermanent: !reason.contains("unexpected eof"))
        }
    }

    private static func libraryError() -> String {
        let code = ERR_get_error()
        guard code != 0 else { return "unknown TLS error" }
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &text, text.count)
        let bytes = text.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isIPAddress(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }
}
