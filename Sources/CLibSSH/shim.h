#ifndef PAWSGUARD_CLIBSSH_SHIM_H
#define PAWSGUARD_CLIBSSH_SHIM_H
#include <libssh/libssh.h>
#include <libssh/callbacks.h>
#endif
