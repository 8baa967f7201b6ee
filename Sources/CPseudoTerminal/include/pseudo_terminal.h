#ifndef TEZGAH_PSEUDO_TERMINAL_H
#define TEZGAH_PSEUDO_TERMINAL_H
#include <stddef.h>

/// Opens a pseudo-terminal of the given size. Returns the master descriptor (non-blocking) and writes
/// the slave's path into `slave_path`, or returns -1 with errno set.
int tz_pty_open(int rows, int columns, char *slave_path, size_t slave_path_size);

/// Sets a terminal's window size (the kernel then sends SIGWINCH to its foreground process group).
int tz_pty_resize(int fd, int rows, int columns);



#include <sys/types.h>
/// Starts `path` with `argv`/`envp` in a new session on `slave_path` (its controlling terminal when
/// `controlling` is non-zero), with an empty signal mask and default signal handlers. Returns the
/// child's pid, or -1.
pid_t tz_pty_spawn(const char *path, char *const argv[], char *const envp[], const char *slave_path, int controlling);
#endif
