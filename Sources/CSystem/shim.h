// Linux calls that Glibc's Swift module does not expose: epoll for the HTTP server's event thread,
// and ignoring SIGPIPE.
#ifndef POOLPILOT_CSYSTEM_SHIM_H
#define POOLPILOT_CSYSTEM_SHIM_H
#include <stdint.h>
#include <sys/epoll.h>
#include <signal.h>

static const uint32_t csystem_epollin = EPOLLIN;
static const uint32_t csystem_epollout = EPOLLOUT;
static const uint32_t csystem_epollrdhup = EPOLLRDHUP;
static const uint32_t csystem_epollhup = EPOLLHUP;
static const uint32_t csystem_epollerr = EPOLLERR;
static const uint32_t csystem_epolloneshot = EPOLLONESHOT;

/* Writing to a socket the peer closed must fail with EPIPE, not kill the process: OpenSSL and libcurl
   write with plain write(2), which raises SIGPIPE. */
static inline void csystem_ignore_sigpipe(void) {
    signal(SIGPIPE, SIG_IGN);
}
#endif
