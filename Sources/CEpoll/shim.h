// Linux event notification and socket options that Swift's Glibc module
// does not export.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <netinet/tcp.h>
