// Linux calls that Glibc's Swift module does not expose: epoll, for the HTTP server's event thread.
#ifndef POOLPILOT_CSYSTEM_SHIM_H
#define POOLPILOT_CSYSTEM_SHIM_H
#include <stdint.h>
#include <sys/epoll.h>

static const uint32_t csystem_epollin = EPOLLIN;
static const uint32_t csystem_epollout = EPOLLOUT;
static const uint32_t csystem_epollrdhup = EPOLLRDHUP;
static const uint32_t csystem_epollhup = EPOLLHUP;
static const uint32_t csystem_epollerr = EPOLLERR;
static const uint32_t csystem_epolloneshot = EPOLLONESHOT;
#endif
