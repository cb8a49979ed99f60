import CTLS

#if canImport(Glibc)
    import Glibc
#endif

/// The server side of one TLS session in the test SMTP server (OpenSSL's libssl), over a blocking socket.
final class SinkTLSSession: @unchecked Sendable {
    private let context: OpaquePointer
    private let ssl: OpaquePointer

    /// Accepts a TLS handshake on `descriptor` with the PEM certificate and key; nil when the handshake fails
    /// (for instance because the client refused the certificate).
    init?(descriptor: Int32, certificateFile: String, keyFile: String) {
        guard let context = SSL_CTX_new(TLS_server_method()) else { return nil }
        guard SSL_CTX_use_certificate_chain_file(context, certificateFile) == 1,
            SSL_CTX_use_PrivateKey_file(context, keyFile, SSL_FILETYPE_PEM) == 1,
            let ssl = SSL_new(context)
        else {
            SSL_CTX_free(context)
            return nil
        }
        self.context = context
        self.ssl = ssl
        SSL_set_fd(ssl, descriptor)
        ERR_clear_error()
        guard SSL_accept(ssl) == 1 else { return nil }
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    func write(_ bytes: [UInt8]) {
        ERR_clear_error()
        _ = bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32($0.count)) }
    }

    /// Bytes read, 0 when the client closed or the read failed.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        ERR_clear_error()
        return max(0, Int(SSL_read(ssl, buffer.baseAddress, Int32(buffer.count))))
    }
}
