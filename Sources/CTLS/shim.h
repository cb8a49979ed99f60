// libssl (OpenSSL): TLS for SMTP submission (client) and the test SMTP server; no cryptography is written by hand.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

// The calls below are macros in OpenSSL's headers, which Swift cannot call: wrapped as functions.
static inline long ctls_set_min_tls12(SSL_CTX *context) {
    return SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
}

static inline long ctls_set_server_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}

// A write retried after WANT_WRITE may come from another address (Swift arrays give no pointer stability).
static inline long ctls_accept_moving_write_buffer(SSL_CTX *context) {
    return SSL_CTX_set_mode(context, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}
