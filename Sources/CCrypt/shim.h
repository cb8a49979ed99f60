// libcrypt (libxcrypt): yescrypt password hashing.
#include <crypt.h>
