// libcrypto (OpenSSL): SHA-256, HMAC and constant-time comparison; no cryptography is written by hand.
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
